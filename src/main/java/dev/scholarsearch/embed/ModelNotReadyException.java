package dev.scholarsearch.embed;

/** The embedding model is not there to use yet (still loading), or could not be loaded. */
public final class ModelNotReadyException extends RuntimeException {
  public ModelNotReadyException(String message) {
    super(message);
  }
}
