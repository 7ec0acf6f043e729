package dev.scholarsearch.cluster;

import java.io.IOException;

/** No node of the cluster answered: the server maps it to 503, the command line to one line. */
public final class EngineUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
