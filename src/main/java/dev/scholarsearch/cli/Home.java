package dev.scholarsearch.cli;

import java.nio.file.Path;

/**
 * Where default paths resolve: the project folder the launcher runs from (system property
 * {@code scholar.home}), else the working directory. So {@code seeds/} and {@code index/} are found
 * even when the launcher is called from elsewhere.
 */
final class Home {
  private Home() {}

  static Path dir() {
    String home = System.getProperty("scholar.home");
    return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home).toAbsolutePath();
  }

  static Path defaultIndex() {
    return dir().resolve("index");
  }

  static Path defaultSeeds() {
    return dir().resolve("seeds");
  }
}
