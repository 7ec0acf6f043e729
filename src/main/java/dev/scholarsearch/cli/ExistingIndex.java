package dev.scholarsearch.cli;

import dev.scholarsearch.index.IndexStatus;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/** The messages for an index directory that is not what a command needs, each naming the way out. */
final class ExistingIndex {
  private ExistingIndex() {}

  /**
   * For commands that only read an index: the error to print, or empty when there is an index to
   * read (its inputs need not be there).
   */
  static Optional<String> problemReading(IndexStatus status, boolean defaultDir) {
    return switch (status) {
      case IndexStatus.Missing m -> Optional.of("error: no index in " + m.dir() + ". Build one first: scholar index"
          + (defaultDir ? "" : " --index " + m.dir() + " INPUT..."));
      case IndexStatus.Unreadable u -> Optional.of(unreadable(u));
      case IndexStatus.InputsMissing m -> Optional.empty();
      case IndexStatus.Ready r -> Optional.empty();
    };
  }

  static String unreadable(IndexStatus.Unreadable u) {
    if (java.nio.file.Files.isRegularFile(u.dir())) {
      return "error: " + u.dir() + " is a file, not an index directory. It was left as it is; give --index a "
          + "directory (a new one, or an index).";
    }
    return "error: the index in " + u.dir() + " cannot be read (" + u.reason() + "). It was left as it is. To build "
        + "a new index there, run: scholar index --replace --index " + u.dir() + " INPUT...; or use another --index DIR.";
  }

  /** "the index in DIR was built from inputs that are gone or unreadable: A, B". */
  static String inputsGone(IndexStatus.InputsMissing m) {
    return "the index in " + m.dir() + " was built from inputs that are gone or unreadable: "
        + m.missing().stream().map(Path::toString).collect(Collectors.joining(", "));
  }
}
