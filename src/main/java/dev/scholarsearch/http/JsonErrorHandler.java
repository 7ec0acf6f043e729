package dev.scholarsearch.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers before Javalin sees the request (a URI too long, a malformed path, too
 * many headers) in the API's JSON shape instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    if (code == 400 || code == 414 || code == 431) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close"); // Jetty closes the connection after a request it could not parse; saying so keeps a client
      // from sending its next request down a connection that is gone.
    }
    response.write(true, ByteBuffer.wrap(json(code, message)), callback);
  }

  static byte[] json(int status, String message) {
    String text = switch (status) {
      case 414 -> "the request URI is too long; a query may be at most 1000 characters";
      case 431 -> "the request headers are too large";
      default -> message == null || message.isBlank() ? "the request could not be read" : message;
    };
    return ErrorCodes.json(new ApiError(ErrorCodes.of(status), text));
  }
}
