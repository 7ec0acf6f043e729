package dev.scholarsearch.cli;

import dev.scholarsearch.index.IndexStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option of every command that reads or writes an index (a picocli mixin). */
final class IndexDirOption {
  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index/ of the project).")
  private Path given;

  /** The index directory, absolute: the one given, else the project's index/. */
  Path path() {
    return given == null ? Home.defaultIndex() : given.toAbsolutePath();
  }

  /** Whether no --index was given, so messages need not repeat it. */
  boolean isDefault() {
    return given == null;
  }

  /** For commands that only read an index: true when there is one to read, else prints why not. */
  boolean readable(PrintStream err) {
    Optional<String> problem = ExistingIndex.problemReading(IndexStatus.of(path()), isDefault());
    problem.ifPresent(err::println);
    return problem.isEmpty();
  }
}
