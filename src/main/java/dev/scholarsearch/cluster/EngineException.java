package dev.scholarsearch.cluster;

import java.io.IOException;

/** The cluster answered with an error: its status and Solr's own message. */
public final class EngineException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public EngineException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status Solr answered with. */
  public int status() {
    return status;
  }
}
