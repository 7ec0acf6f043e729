package dev.scholarsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The bytes of an index: the files in its directory, not its subdirectories (our vector cache). */
public final class IndexSize {
  private IndexSize() {}

  public static long bytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
