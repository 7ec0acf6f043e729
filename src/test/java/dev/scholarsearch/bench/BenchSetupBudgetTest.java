package dev.scholarsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scholarsearch.cli.CliRunner;
import dev.scholarsearch.TestData;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.index.QueryTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choosing a benchmark's queries is the harness's work, not a request: it must not run under the
 * per-request time budget. On a cold JVM, `loadtest` once stopped before sending anything, because
 * reading its 400 sample records took longer than the 2 s budget. Here the budget is 1 ms on the
 * CACM collection: a request's work that reads a few hundred records is stopped, the harness's is not.
 */
class BenchSetupBudgetTest {
  @Test
  void queriesAreChosenOutsideTheRequestTimeBudget(@TempDir Path dir) throws Exception {
    Path idx = dir.resolve("cacm");
    assertEquals(0, CliRunner.run("index", "-q", "--no-vectors", "--index", idx.toString(),
        TestData.cacm("corpus.jsonl").toString()).code());
    try (LiveIndex index = LiveIndex.open(idx, LiveIndex.Options.DEFAULT.budget(Duration.ofMillis(1)))) {
      // Reading records for longer than the budget, as a request: it fails as a request would.
      assertThrows(QueryTimeoutException.class, () -> index.search(s -> {
        long until = System.nanoTime() + 5_000_000;
        for (int doc = 0; System.nanoTime() < until; doc = (doc + 1) % 400) {
          s.storedFields().document(doc);
        }
        return null;
      }));
      LoadTest load = LoadTest.over(index, "http://127.0.0.1:9", 42);
      assertFalse(load.calls().isEmpty(), "the load test has its mix of calls");
      QueryMix mix = QueryMix.ofTitles(index, 50, 42);
      assertEquals(50, mix.paperIds().size(), "fifty papers chosen: " + mix.paperIds().size());
      assertFalse(mix.searches().isEmpty());
      assertEquals(50, new BareLuceneSearcher().calls(Benchmark.Kind.SIMILAR, mix, index).size());
    }
  }
}
