package dev.scholarsearch.reliability;

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
  private static final int ROUNDS = Integer.getInteger("kill.rounds", 5);

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

  private static Process start(Path input, Path index) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx2g",
        "dev.scholarsearch.cli.Main", "index", "--replace", "-q", "--index", index.toString(), input.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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
      Process p = start(big, index);
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
    Process finish = start(big, index);
    assertTrue(finish.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, finish.exitValue());
    assertEquals("papers=20000", fingerprint(index).get(0));
    assertTrue(clean(index));
  }
}
