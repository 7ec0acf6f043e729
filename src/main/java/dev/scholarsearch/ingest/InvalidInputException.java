package dev.scholarsearch.ingest;

/** A file or line that cannot be read as input; the message is the reason shown in the run summary. */
public final class InvalidInputException extends Exception {
  public InvalidInputException(String reason) {
    super(reason);
  }
}
