package dev.scholarsearch.reliability;

import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.embed.OnnxEmbedder;
import dev.scholarsearch.embed.VectorCache;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.TestData;
import dev.scholarsearch.bench.SyntheticCorpus;
import dev.scholarsearch.cli.CliRunner;
import dev.scholarsearch.index.Fields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code index} run as a separate process on a large input and killed with SIGKILL at random
 * moments: after every kill the previous index opens, passes CheckIndex and answers as before; a
 * final run completes. {@code -Dkill.rounds=N} for a longer local run.
 */
class KillDuringIndexTest {
  private static final int ROUNDS = Integer.getInteger("kill.rounds", 3);

  /** Papers and the top ids for a fixed query: what "the same results" means here. */
  private static List<String> fingerprint(Path dir) throws Exception {
    try (var d = new MMapDirectory(dir); var reader = DirectoryReader.open(d)) {
      IndexSearcher s = new IndexSearcher(reader);
      List<String> out = new ArrayList<>();
      out.add("papers=" + s.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PAPER))));
      for (ScoreDoc sd : s.search(new TermQuery(new Term(Fields.TEXT, "learn")), 5).scoreDocs) {
        out.add(s.storedFields().document(sd.doc).get(Fields.ID));
      }
      return out;
    }
  }

  private static boolean clean(Path dir) throws Exception {
    try (var d = new MMapDirectory(dir); CheckIndex check = new CheckIndex(d)) {
      return check.checkIndex().clean;
    }
  }

  /** A rebuild in its own JVM; with {@code vectors} it spends its first minutes embedding (and appending to the cache). */
  private static Process start(Path input, Path index, boolean vectors) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "-Xmx2g",
        "--enable-native-access=ALL-UNNAMED", "dev.scholarsearch.cli.Main", "index", "--replace", "-q",
        "--index", index.toString(), input.toString()));
    if (!vectors) {
      cmd.add("--no-vectors");
    }
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  @Test
  void killedRebuildsLeaveThePreviousIndexIntact(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("idx");
    assertEquals(0, CliRunner.run("index", "-q", "--index", index.toString(), TestData.seeds().toString()).code());
    List<String> before = fingerprint(index);
    assertEquals("papers=42", before.get(0));
    Path big = dir.resolve("big.jsonl");
    new SyntheticCorpus(7, 20_000).write(big, 20_000);

    SplittableRandom r = new SplittableRandom(11);
    for (int round = 0; round < ROUNDS; round++) {
      // Even rounds are killed while embedding, odd ones while Lucene writes (no vectors: it gets there at once).
      Process p = start(big, index, round % 2 == 0);
      Thread.sleep(300 + r.nextInt(6_000));
      if (p.isAlive()) {
        p.destroyForcibly(); // SIGKILL
        p.waitFor(10, TimeUnit.SECONDS);
        assertEquals(before, fingerprint(index), "round " + round + ": the previous index answers as before");
        assertTrue(clean(index), "round " + round + ": CheckIndex");
      } else {
        before = fingerprint(index); // it finished before the kill: the new index is the one to keep
      }
    }
    // The vector cache the killed runs appended to still opens: a torn last record is cut off.
    try (VectorCache cache = VectorCache.open(index.resolve("vector-cache"), EmbeddingModel.DEFAULT.name(), EmbeddingModel.DEFAULT.dimensions())) {
      assertTrue(cache.size() >= 42, "the seed vectors are still cached: " + cache.size());
    }
    Process finish = start(big, index, false);
    assertTrue(finish.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, finish.exitValue());
    assertEquals("papers=20000", fingerprint(index).get(0));
    assertTrue(clean(index));
  }
}
