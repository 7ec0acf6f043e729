package dev.scholarsearch.cli;

import picocli.CommandLine.Option;

/** {@code --search-threads N}: how many threads search one request's segments (a picocli mixin). */
final class SearchThreadsOption {
  @Option(names = "--search-threads", paramLabel = "N", defaultValue = "0",
      description = "Threads that search one request's segments, every core by default; 1 searches each request on "
          + "its own thread only.")
  private int given;

  /** The threads to use: the number given, every core for 0. */
  int threads() {
    if (given < 0) {
      throw new IllegalArgumentException("--search-threads must be at least 1 (or 0 for every core), got " + given);
    }
    return given == 0 ? Runtime.getRuntime().availableProcessors() : given;
  }

  /** For reports: the number given, or "all cores". */
  String describe() {
    return given == 0 ? "all cores" : Integer.toString(given);
  }
}
