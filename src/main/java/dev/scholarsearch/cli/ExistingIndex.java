package dev.scholarsearch.cli;

import dev.scholarsearch.index.IndexStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
      case IndexStatus.Missing m -> Optional.of(noIndex(m, defaultDir));
      case IndexStatus.Unreadable u -> Optional.of(unreadable(u));
      case IndexStatus.InputsMissing m -> Optional.empty();
      case IndexStatus.Ready r -> Optional.empty();
    };
  }

  private static String noIndex(IndexStatus.Missing m, boolean defaultDir) {
    List<String> foreign = foreignFiles(m.dir());
    if (!foreign.isEmpty()) {
      // Building there would be refused: name the directory's own files, not a command that fails.
      return "error: no index in " + m.dir() + ", which holds other files (" + String.join(", ", foreign) + "). Give "
          + "--index an index directory, or build one in a new directory: scholar index --index NEW_DIR INPUT...";
    }
    return "error: no index in " + m.dir() + ". Build one first: scholar index"
        + (defaultDir ? "" : " --index " + m.dir() + " INPUT...");
  }

  /** For {@code --index} naming a file: left alone, and a directory asked for instead. */
  static String aFile(Path file) {
    return "error: " + file + " is a file, not an index directory. It was left as it is; give --index a "
        + "directory (a new one, or an index).";
  }

  static String unreadable(IndexStatus.Unreadable u) {
    if (Files.isRegularFile(u.dir())) {
      return aFile(u.dir());
    }
    return "error: the index in " + u.dir() + " cannot be read (" + u.reason() + "). It was left as it is. To build "
        + "a new index there, run: scholar index --replace --index " + u.dir() + " INPUT...; or use another --index DIR.";
  }

  /**
   * For a directory with no index in it: the error when it holds files of someone else's (a
   * build would mix the index's files with them), or empty. Hidden files (index/.gitkeep), a
   * vector cache, and segment files without a commit (a first build that was stopped) are the
   * index's own.
   */
  static Optional<String> othersFiles(IndexStatus status) {
    if (!(status instanceof IndexStatus.Missing m)) {
      return Optional.empty();
    }
    List<String> foreign = foreignFiles(m.dir());
    return foreign.isEmpty() ? Optional.empty() : Optional.of("error: " + m.dir() + " holds no index but other files ("
        + String.join(", ", foreign) + "). Nothing was changed; give --index a new or empty directory, so that the "
        + "index's files are not mixed with yours.");
  }

  /** What in {@code dir} is neither an index's nor hidden: the first few names, or none. */
  private static List<String> foreignFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : ""))
          .filter(n -> !n.startsWith(".") && !n.equals("vector-cache/") && !n.equals("write.lock")
              && !n.startsWith(org.apache.lucene.index.IndexFileNames.SEGMENTS)
              && !n.matches(org.apache.lucene.index.IndexFileNames.CODEC_FILE_PATTERN.pattern()))
          .sorted().limit(3).toList();
    } catch (java.io.IOException e) {
      return List.of(); // unlistable: the build says why when it tries
    }
  }

  /** "the index in DIR was built from inputs that are gone or unreadable: A, B". */
  static String inputsGone(IndexStatus.InputsMissing m) {
    return "the index in " + m.dir() + " was built from inputs that are gone or unreadable: "
        + m.missing().stream().map(Path::toString).collect(Collectors.joining(", "));
  }
}
