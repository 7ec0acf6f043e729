package dev.scholarsearch.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
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
      response.getHeaders().put(HttpHeader.CONNECTION, "close"); // see badMessageError
    }
    response.write(true, ByteBuffer.wrap(json(code, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    // Jetty closes the connection after a request it could not parse; saying so keeps a client
    // from sending its next request down a connection that is gone.
    fields.put(HttpHeader.CONNECTION, "close");
    return ByteBuffer.wrap(json(status, reason));
  }

  static byte[] json(int status, String message) {
    String code = switch (status) {
      case 400 -> "bad_request";
      case 413 -> "body_too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      default -> "http_" + status;
    };
    String text = switch (status) {
      case 414 -> "the request URI is too long; a query may be at most 1000 characters";
      case 431 -> "the request headers are too large";
      default -> message == null || message.isBlank() ? "the request could not be read" : message;
    };
    return ("{\"error\":\"" + code + "\",\"message\":\"" + escape(text) + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
