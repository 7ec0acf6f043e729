package dev.scholarsearch.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorCacheTest {
  @TempDir
  Path dir;

  static float[] vec(float seed) {
    return new float[] {seed, seed + 1, seed + 2, seed + 3};
  }

  @Test
  void vectorsSurviveAReopenAndATornLastRecordIsCutOff() throws IOException {
    VectorCache.Key a;
    VectorCache.Key b;
    try (VectorCache c = VectorCache.open(dir, "m", 4)) {
      a = c.key("first text");
      b = c.key("second text");
      assertNotEquals(a, b);
      c.putAll(List.of(a, b), List.of(vec(1), vec(5)));
      assertArrayEquals(vec(5), c.get(b));
    }
    Path file = dir.resolve("m.vectors");
    long whole = Files.size(file);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(whole - 7); // an interrupted append
    }
    try (VectorCache c = VectorCache.open(dir, "m", 4)) {
      assertEquals(1, c.size());
      assertArrayEquals(vec(1), c.get(a));
      assertNull(c.get(b));
      c.putAll(List.of(b), List.of(vec(9)));
      assertArrayEquals(vec(9), c.get(b));
    }
    try (VectorCache c = VectorCache.open(dir, "m", 4)) {
      assertEquals(2, c.size());
      assertArrayEquals(vec(9), c.get(b));
    }
  }

  @Test
  void theKeyDependsOnModelAndText() throws IOException {
    try (VectorCache m1 = VectorCache.none("m1", 4); VectorCache m2 = VectorCache.none("m2", 4)) {
      assertEquals(m1.key("x"), m1.key("x"));
      assertNotEquals(m1.key("x"), m1.key("x "));
      assertNotEquals(m1.key("x"), m2.key("x"));
    }
  }

  @Test
  void aSecondWriterRunsWithATemporaryCacheInsteadOfWaiting() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (VectorCache first = VectorCache.open(dir, "m", 4)) {
      assertTrue(first.persistent());
      long ownFile = Files.size(dir.resolve("m.vectors"));
      try (VectorCache second = VectorCache.open(dir, "m", 4)) {
        assertFalse(second.persistent());
        VectorCache.Key k = second.key("t");
        second.putAll(List.of(k), List.of(vec(2)));
        assertArrayEquals(vec(2), second.get(k), "kept for this run");
        assertFalse(first.contains(k));
        assertEquals(ownFile, Files.size(dir.resolve("m.vectors")), "the held cache is not written to");
        assertEquals(List.of(), temporaryCaches(tmp), "the temporary file is gone from the directory at once");
        assertTrue(openDeletedCaches() > 0, "the vectors are in a deleted file still open, not on the heap");
      }
    }
  }

  /**
   * A cache for this run only keeps its vectors off the heap, in a temporary file: at a million
   * papers they are 1.5 GB, more than a build's heap. Many batches of real-size vectors come back.
   */
  @Test
  void aCacheForThisRunHoldsManyVectorsAndLeavesNothingBehind() throws IOException {
    int dims = 384;
    try (VectorCache c = VectorCache.none("m", dims)) {
      assertFalse(c.persistent());
      List<VectorCache.Key> all = new java.util.ArrayList<>();
      for (int batch = 0; batch < 40; batch++) {
        List<VectorCache.Key> keys = new java.util.ArrayList<>();
        List<float[]> vectors = new java.util.ArrayList<>();
        for (int i = 0; i < 512; i++) {
          int n = batch * 512 + i;
          keys.add(c.key("text " + n));
          float[] v = new float[dims];
          java.util.Arrays.fill(v, n);
          vectors.add(v);
        }
        c.putAll(keys, vectors);
        all.addAll(keys);
      }
      assertEquals(20_480, c.size());
      for (int n = 0; n < all.size(); n += 97) {
        float[] v = c.get(all.get(n));
        assertEquals(n, v[0]);
        assertEquals(n, v[dims - 1]);
      }
    }
    assertEquals(List.of(), temporaryCaches(Path.of(System.getProperty("java.io.tmpdir"))));
  }

  /** The open files of this JVM that are deleted temporary caches (Linux's /proc names them so). */
  private static long openDeletedCaches() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd");
    long n = 0;
    try (var links = Files.list(fds)) {
      for (Path link : links.toList()) {
        try {
          String target = Files.readSymbolicLink(link).toString();
          if (target.contains("scholar-vectors-") && target.endsWith("(deleted)")) {
            n++;
          }
        } catch (IOException closedMeanwhile) {
          // the listing's own descriptor, or a file closed since
        }
      }
    }
    return n;
  }

  private static List<Path> temporaryCaches(Path tmp) throws IOException {
    try (var files = Files.list(tmp)) {
      return files.filter(f -> f.getFileName().toString().startsWith("scholar-vectors-")).toList();
    }
  }

  @Test
  void aCacheOfOtherDimensionsIsAClearError() throws IOException {
    try (VectorCache c = VectorCache.open(dir, "m", 4)) {
      c.putAll(List.of(c.key("t")), List.of(vec(1)));
    }
    IOException e = assertThrows(IOException.class, () -> VectorCache.open(dir, "m", 8));
    assertTrue(e.getMessage().contains("delete it"), e.getMessage());
  }
}
