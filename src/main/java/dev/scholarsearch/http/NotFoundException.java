package dev.scholarsearch.http;

/** A paper, researcher or route that does not exist: answered with 404. */
final class NotFoundException extends RuntimeException {
  NotFoundException(String message) {
    super(message);
  }
}
