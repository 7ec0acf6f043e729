package dev.scholarsearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.TestData;
import dev.scholarsearch.bench.SyntheticCorpus;
import dev.scholarsearch.cli.CliRunner;
import dev.scholarsearch.index.Fields;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code index --replace} in a JVM with too little heap for its input: it says so in one message
 * that names the heap and how to give more, exits 1, and the index it was to replace still answers.
 * At several heaps, since the heap runs out in another phase at each: reading, merging, adding
 * documents (at 60 MB the writer's rollback once died of it and the build waited for ever).
 */
class OutOfMemoryTest {
  @Test
  void aBuildThatRunsOutOfHeapSaysSoAndKeepsThePreviousIndex(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.jsonl");
    new SyntheticCorpus(7, 20_000).write(big, 20_000);
    int failed = 0;
    for (int mb : new int[] {40, 60, 80}) {
      Path index = dir.resolve("idx-" + mb);
      assertEquals(0, CliRunner.run("index", "-q", "--no-vectors", "--index", index.toString(),
          TestData.seeds().toString()).code());
      String java = ProcessHandle.current().info().command().orElse("java");
      Path log = dir.resolve("out-" + mb + ".txt");
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx" + mb + "m",
          "--enable-native-access=ALL-UNNAMED", "dev.scholarsearch.cli.Main", "index", "--replace", "-q", "--no-vectors",
          "--index", index.toString(), big.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean ended = p.waitFor(2, TimeUnit.MINUTES);
      if (!ended) {
        p.destroyForcibly().waitFor(); // a reader thread that died of it once left the build waiting for ever
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertTrue(ended, "the build ends at " + mb + " MB: " + output);
      if (p.exitValue() == 0) {
        assertEquals(20_000, papers(index), "enough heap after all at " + mb + " MB: " + output);
        continue;
      }
      failed++;
      assertEquals(1, p.exitValue(), output);
      assertTrue(output.contains("error: out of memory: this corpus needs more heap than the JVM's"), output);
      assertTrue(output.contains("SCHOLAR_JAVA_OPTS=-Xmx2g"), output);
      assertTrue(output.contains("The previous index, if any, is unchanged."), output);
      assertFalse(output.contains("\tat "), "no stack trace: " + output);
      assertEquals(42, papers(index), output);
    }
    assertTrue(failed >= 1, "40 MB is too little for 20,000 papers");
  }

  private static int papers(Path index) throws Exception {
    try (var d = new MMapDirectory(index); var reader = DirectoryReader.open(d); CheckIndex check = new CheckIndex(d)) {
      assertTrue(check.checkIndex().clean);
      return new IndexSearcher(reader).count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PAPER)));
    }
  }
}
