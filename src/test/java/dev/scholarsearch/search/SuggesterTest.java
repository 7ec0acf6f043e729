package dev.scholarsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.TestData;
import dev.scholarsearch.cli.CliRunner;
import dev.scholarsearch.index.LiveIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The type-ahead is built outside the request that needs it. With a budget of 1 ms, far less than
 * any build takes, a request before the first build is done is told it is not ready (never a
 * timeout), one after it is answered, and after the index changes the previous answers stand until
 * the new ones are built.
 */
class SuggesterTest {
  private static List<Suggestion> eventually(Supplier<List<Suggestion>> ask, java.util.function.Predicate<List<Suggestion>> done)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        List<Suggestion> got = ask.get();
        if (done.test(got) || System.nanoTime() > until) {
          return got;
        }
      } catch (Suggester.NotReadyException e) {
        if (System.nanoTime() > until) {
          throw e;
        }
      }
      Thread.sleep(20);
    }
  }

  @Test
  void buildsOutsideTheRequestAndAnswersFromThePreviousIndexMeanwhile(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("idx");
    assertEquals(0, CliRunner.run("index", "-q", "--no-vectors", "--index", index.toString(),
        TestData.seeds().toString()).code());
    LiveIndex.Options tight = LiveIndex.Options.DEFAULT.refreshEvery(Duration.ofMillis(50)).budget(Duration.ofMillis(1));
    try (LiveIndex live = LiveIndex.open(index, tight); Suggester suggester = new Suggester(live)) {
      List<Suggestion> seeds = eventually(() -> suggester.suggest("comp", 10), l -> true);
      assertFalse(seeds.isEmpty(), "the seeds have titles and names with words starting with 'comp'");

      // A corpus with more of them: the index changes under the running suggester.
      assertEquals(0, CliRunner.run("index", "-q", "--no-vectors", "--index", index.toString(),
          TestData.cacm("corpus.jsonl").toString()).code());
      List<Suggestion> after = eventually(() -> suggester.suggest("comp", 10), l -> !l.equals(seeds));
      assertTrue(after.stream().anyMatch(s -> !seeds.contains(s)), "the new index's suggestions arrive: " + after);
      try (LiveIndex generous = LiveIndex.open(index, LiveIndex.Options.DEFAULT);
          Suggester reference = new Suggester(generous)) {
        assertEquals(reference.suggest("comp", 10), suggester.suggest("comp", 10));
      }
    }
  }

  /** Titles that differ only in case are one suggestion, the first (best) of them; the other kinds stay. */
  @Test
  void titlesThatDifferOnlyInCaseAreOneSuggestion(@TempDir Path dir) throws Exception {
    Path papers = dir.resolve("p.jsonl");
    java.nio.file.Files.writeString(papers, """
        {"id":"a","title":"Deep Learning for Graphs","authors":["Ada Lovelace"]}
        {"id":"b","title":"Deep learning for graphs","authors":["Alan Turing"]}
        {"id":"c","title":"Deep Learning For Graphs","authors":["Grace Hopper"]}
        {"id":"d","title":"Deep Learning at Scale","authors":["Grace Hopper"]}
        """);
    Path index = dir.resolve("idx");
    assertEquals(0, CliRunner.run("index", "-q", "--no-vectors", "--index", index.toString(), papers.toString()).code());
    try (LiveIndex live = LiveIndex.open(index, LiveIndex.Options.DEFAULT); Suggester suggester = new Suggester(live)) {
      List<Suggestion> got = eventually(() -> suggester.suggest("deep learning", 10), l -> true);
      List<String> titles = got.stream().filter(x -> x.kind().equals("paper")).map(Suggestion::text).toList();
      assertEquals(2, titles.size(), "one of the three spellings, and the other title: " + got);
      assertTrue(titles.contains("Deep Learning at Scale"), titles.toString());
      assertEquals(1, titles.stream().filter(t -> t.equalsIgnoreCase("deep learning for graphs")).count(), titles.toString());
    }
  }
}
