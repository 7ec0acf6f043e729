package dev.scholarsearch.index;

/** A request that cannot be answered as asked: a bad parameter or a query too expensive to run. */
public final class InvalidRequestException extends RuntimeException {
  private final String code;

  /**
   * @param code a short machine-readable code, e.g. {@code bad_parameter} or {@code query_too_expensive}
   * @param message what was wrong and what is allowed
   */
  public InvalidRequestException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** A bad value for a named parameter. */
  public static InvalidRequestException badParameter(String message) {
    return new InvalidRequestException("bad_parameter", message);
  }
}
