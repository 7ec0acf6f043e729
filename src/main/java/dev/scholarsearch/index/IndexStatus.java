package dev.scholarsearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;

/**
 * What an index directory holds, as one of four cases a caller must tell apart: treating a damaged
 * index, or one whose inputs moved, as "no index" is how a user's index gets replaced by the
 * sample corpus.
 */
public sealed interface IndexStatus {
  Path dir();

  /** No index in the directory (which may not exist): the only case that may default to the sample corpus. */
  record Missing(Path dir) implements IndexStatus {}

  /** An index is there but cannot be read (a damaged commit, a manifest that does not parse); never rebuilt unasked. */
  record Unreadable(Path dir, String reason) implements IndexStatus {}

  /** A readable index some of whose remembered inputs are gone or unreadable; it is served as it is, never rebuilt unasked. */
  record InputsMissing(Path dir, IndexManifest manifest, List<Path> missing) implements IndexStatus {
    public InputsMissing {
      missing = List.copyOf(missing);
    }
  }

  /** A readable index whose inputs are all there (it may still be stale). */
  record Ready(Path dir, IndexManifest manifest) implements IndexStatus {}

  /** Looks at {@code dir} without changing anything. */
  static IndexStatus of(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      return Files.exists(abs) ? new Unreadable(abs, "it is a file, not a directory") : new Missing(abs);
    }
    IndexManifest manifest;
    try (Directory directory = new MMapDirectory(abs)) {
      if (!DirectoryReader.indexExists(directory)) {
        return new Missing(abs);
      }
      manifest = IndexManifest.fromUserData(SegmentInfos.readLatestCommit(directory).getUserData());
    } catch (IOException | RuntimeException e) {
      return new Unreadable(abs, describe(e));
    }
    List<Path> missing = manifest.inputs().stream().map(Path::of).filter(p -> !Files.isReadable(p)).toList();
    return missing.isEmpty() ? new Ready(abs, manifest) : new InputsMissing(abs, manifest, missing);
  }

  /** The manifest of a readable index. */
  default java.util.Optional<IndexManifest> readableManifest() {
    return switch (this) {
      case Ready r -> java.util.Optional.of(r.manifest());
      case InputsMissing m -> java.util.Optional.of(m.manifest());
      case Missing m -> java.util.Optional.empty();
      case Unreadable u -> java.util.Optional.empty();
    };
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }
}
