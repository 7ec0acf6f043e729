package dev.scholarsearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Where the real test data lives: the seed pages shipped in seeds/ and CACM under test resources. */
public final class TestData {
  /** The date the seed-page expectations were worked out against ("Jun 3" is 2026-06-03). */
  public static final LocalDate REFERENCE = LocalDate.of(2026, 11, 22);

  private TestData() {}

  public static Path seeds() {
    Path p = Path.of("seeds").toAbsolutePath();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("tests run from the project root, where seeds/ is; cwd is " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  public static Path seed(String prefix) throws java.io.IOException {
    try (var files = Files.list(seeds())) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
    }
  }

  public static Path cacm(String file) {
    return Path.of("src/test/resources/cacm").resolve(file).toAbsolutePath();
  }

  public static Path scifact(String file) {
    return Path.of("src/test/resources/scifact").resolve(file).toAbsolutePath();
  }
}
