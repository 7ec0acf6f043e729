package dev.scholarsearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;

/** The one table from HTTP status to the API's short error code, for Javalin's answers and Jetty's alike. */
final class ErrorCodes {
  private ErrorCodes() {}

  static String of(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "body_too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      default -> "http_" + status;
    };
  }

  /** {@code error} as the JSON bytes of the one error shape. */
  static byte[] json(ApiError error) {
    try {
      return Json.MAPPER.writeValueAsString(error).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an ApiError always serialises", e);
    }
  }
}
