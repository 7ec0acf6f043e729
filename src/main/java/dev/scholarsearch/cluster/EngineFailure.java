package dev.scholarsearch.cluster;

import java.io.IOException;

/**
 * A request the cluster could not answer, unchecked for the API's services: 503 when no node could
 * be reached (try again later), 502 when the cluster answered with an error of its own.
 */
public final class EngineFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  private EngineFailure(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public static EngineFailure of(IOException e) {
    return new EngineFailure(e.getMessage(), e instanceof EngineUnavailableException ? 503 : 502, e);
  }

  /** The HTTP status the API answers with. */
  public int status() {
    return status;
  }
}
