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
  void aSecondWriterRunsWithAMemoryOnlyCacheInsteadOfWaiting() throws IOException {
    try (VectorCache first = VectorCache.open(dir, "m", 4)) {
      assertTrue(first.persistent());
      try (VectorCache second = VectorCache.open(dir, "m", 4)) {
        assertFalse(second.persistent());
        VectorCache.Key k = second.key("t");
        second.putAll(List.of(k), List.of(vec(2)));
        assertArrayEquals(vec(2), second.get(k), "kept in memory for this run");
      }
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
