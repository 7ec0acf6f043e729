package dev.scholarsearch.cli;

import dev.scholarsearch.index.Indexer;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** One-line descriptions of I/O failures, for messages a person can act on. */
final class Errors {
  private Errors() {}

  /**
   * Whether {@code t} is, or was caused by, running out of heap: a reader thread's error reaches the
   * caller wrapped in a {@code CompletionException}, and Lucene's writer wraps its own.
   */
  static boolean outOfMemory(Throwable t) {
    return Indexer.causedByOutOfMemory(t);
  }

  static String describe(Throwable t) {
    Throwable e = t instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : t;
    if (e instanceof NoSuchFileException n) {
      return "no such file or directory: " + n.getFile();
    }
    if (e instanceof AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof FileAlreadyExistsException f) {
      return "a file is in the way (a directory is needed): " + f.getFile();
    }
    if (e instanceof NotDirectoryException d) {
      return "not a directory: " + d.getFile();
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }
}
