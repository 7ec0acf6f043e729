package dev.scholarsearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.TestData;
import dev.scholarsearch.cli.CliRunner;
import dev.scholarsearch.index.Fields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: a 2 MiB tmpfs holds the seed index, then a rebuild from CACM runs out of space;
 * then the same file system made read-only. Each run fails with a clear error and the previous index
 * stays intact. Needs permission to mount
 * (root, as on this project's machines); skipped where mounting is not allowed.
 */
class DiskFullTest {
  private static boolean run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  /** What runs on a small file system mounted for it. */
  private interface OnDisk {
    void run(Path disk) throws Exception;
  }

  /** Mounts a tmpfs of {@code size} at {@code disk}, runs {@code body}, unmounts; skips where mounting is not allowed. */
  private static void onTmpfs(Path disk, String size, OnDisk body) throws Exception {
    Files.createDirectories(disk);
    Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", disk.toString()),
        "mounting a small tmpfs is not allowed here");
    try {
      body.run(disk);
    } finally {
      run("umount", disk.toString());
    }
  }

  @Test
  void aRebuildThatRunsOutOfSpaceKeepsThePreviousIndex(@TempDir Path dir) throws Exception {
    onTmpfs(dir.resolve("disk"), "2m", disk -> {
      String index = disk.resolve("idx").toString();
      CliRunner.Run first = CliRunner.run("index", "-q", "--index", index, TestData.seeds().toString());
      assertEquals(0, first.code(), first.err());

      CliRunner.Run full = CliRunner.run("index", "-q", "--replace", "--index", index, TestData.cacm("corpus.jsonl").toString());
      assertEquals(1, full.code(), full.out());
      assertTrue(full.err().contains("could not write the index in " + index), full.err());
      assertTrue(full.err().contains("space"), full.err());
      assertTrue(full.err().contains("The previous index, if any, is unchanged."), full.err());

      assertEquals(42, dev.scholarsearch.index.IndexStatus.of(Path.of(index)).readableManifest().orElseThrow().papers());
      try (var d = new MMapDirectory(Path.of(index))) {
        // The failed build's segment files are gone, so the disk is not left full: only the commit's remain.
        java.util.Set<String> lucene = java.util.Arrays.stream(d.listAll())
            .filter(f -> f.matches(org.apache.lucene.index.IndexFileNames.CODEC_FILE_PATTERN.pattern())
                || f.startsWith(org.apache.lucene.index.IndexFileNames.SEGMENTS))
            .collect(java.util.stream.Collectors.toSet());
        assertEquals(java.util.Set.copyOf(org.apache.lucene.index.SegmentInfos.readLatestCommit(d).files(true)), lucene);
      }
      try (var d = new MMapDirectory(Path.of(index)); var reader = DirectoryReader.open(d)) {
        assertEquals(42, new IndexSearcher(reader).count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PAPER))));
        try (CheckIndex check = new CheckIndex(d)) {
          assertTrue(check.checkIndex().clean);
        }
      }
      CliRunner.Run search = CliRunner.run("search", "--index", index, "\"stochastic gradient\"");
      assertTrue(search.out().startsWith("3 papers match"), search.out());

      // An unwritable index directory (root ignores permissions, so a read-only file system stands in).
      Assumptions.assumeTrue(run("mount", "-o", "remount,ro", disk.toString()), "remounting read-only is not allowed here");
      CliRunner.Run readOnly = CliRunner.run("index", "-q", "--index", index, TestData.seeds().toString());
      assertEquals(1, readOnly.code(), readOnly.out());
      assertTrue(readOnly.err().contains("could not write the index in " + index), readOnly.err());
      assertEquals(42, dev.scholarsearch.index.IndexStatus.of(Path.of(index)).readableManifest().orElseThrow().papers());
    });
  }

  /**
   * Abstracts wait in the temporary directory while a collection is read; when it fills up, the
   * build says where and how to move it, and the index is as it was. A separate JVM, since the
   * directory is a system property.
   */
  @Test
  void aFullTemporaryDirectoryIsNamedAndThePreviousIndexKept(@TempDir Path dir) throws Exception {
    onTmpfs(dir.resolve("tmp"), "256k", tmp -> {
      Path index = dir.resolve("idx");
      assertEquals(0, CliRunner.run("index", "-q", "--no-vectors", "--index", index.toString(),
          TestData.seeds().toString()).code());
      String javaBin = ProcessHandle.current().info().command().orElse("java");
      Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + tmp,
          "--enable-native-access=ALL-UNNAMED", "dev.scholarsearch.cli.Main", "index", "--replace", "-q", "--no-vectors",
          "--index", index.toString(), TestData.scifact("corpus.jsonl").toString()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(p.waitFor(2, TimeUnit.MINUTES), output);
      assertEquals(1, p.exitValue(), output);
      assertTrue(output.contains("cannot put the abstracts aside in " + tmp + " (No space left on device); give the JVM "
          + "another directory with -Djava.io.tmpdir=DIR; the existing index, if any, is unchanged"), output);
      assertTrue(!output.contains("\tat "), "no stack trace: " + output);
      assertEquals(42, dev.scholarsearch.index.IndexStatus.of(index).readableManifest().orElseThrow().papers());
      try (var left = Files.list(tmp)) {
        assertEquals(0, left.count(), "the spill left nothing behind");
      }
    });
  }
}
