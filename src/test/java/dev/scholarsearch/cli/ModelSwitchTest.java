package dev.scholarsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.TestData;
import dev.scholarsearch.embed.EmbedderHandle;
import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.PaperSearcher;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.search.SearchRequest;
import dev.scholarsearch.search.SortOrder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding model is the index's: chosen by name, kept on rebuilds, switched through the cache. */
class ModelSwitchTest {
  private static CliRunner.Run run(String... args) {
    return CliRunner.run(args);
  }

  @Test
  void anIndexKeepsItsModelAndSwitchesThroughTheCache(@TempDir Path dir) throws Exception {
    String idx = dir.resolve("idx").toString();
    assertEquals(0, run("index", TestData.seeds().toString(), "--index", idx, "-q").code());
    assertTrue(run("stats", "--index", idx).out().contains("vectors:      " + EmbeddingModel.DEFAULT_NAME));

    CliRunner.Run quantized = run("index", "--model", "all-MiniLM-L6-v2", "--index", idx, "-q"); // fp32, the old default
    assertEquals(0, quantized.code(), quantized.err());
    assertTrue(quantized.out().contains("42 papers, 42 embedded"), quantized.out());
    assertTrue(run("stats", "--index", idx).out().contains("vectors:      all-MiniLM-L6-v2 ("));
    // Queries are embedded with the index's model, so semantic search still finds the paper by meaning.
    CliRunner.Run semantic = run("search", "tracking a person's posture via phones", "--index", idx, "--mode",
        "semantic", "--limit", "1");
    assertEquals(0, semantic.code(), semantic.err());
    assertTrue(semantic.out().contains("Human Motion Estimation with Everyday Wearables"), semantic.out());

    // A rebuild without --model keeps the index's model; switching back embeds nothing again.
    CliRunner.Run kept = run("index", "--index", idx, "-q");
    assertTrue(kept.out().contains("42 from the cache; model all-MiniLM-L6-v2\n"), kept.out());
    CliRunner.Run back = run("index", "--model", EmbeddingModel.DEFAULT_NAME, "--index", idx, "-q");
    assertTrue(back.out().contains("0 embedded (0.0 s), 42 from the cache; model " + EmbeddingModel.DEFAULT_NAME),
        back.out());
  }

  @Test
  void aQueryEmbeddedByAnotherModelIsAClearError(@TempDir Path dir) throws Exception {
    Path idx = dir.resolve("idx");
    assertEquals(0, run("index", TestData.seeds().toString(), "--model", "all-MiniLM-L6-v2", "--index",
        idx.toString(), "-q").code());
    try (LiveIndex index = LiveIndex.open(idx, Duration.ofSeconds(1))) {
      PaperSearcher other = new PaperSearcher(index, EmbedderHandle.shared(EmbeddingModel.DEFAULT));
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> other.search(new SearchRequest(
          "posture", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 10, false, false, 0, SearchMode.HYBRID)));
      assertTrue(e.getMessage().contains("from all-MiniLM-L6-v2 but") && e.getMessage().contains("do not compare"),
          e.getMessage());
      // The searcher the server builds follows the index's model.
      assertEquals(1, new PaperSearcher(index).search(new SearchRequest("posture wearables", SearchFilters.NONE,
          SortOrder.RELEVANCE, 0, 1, false, false, 0, SearchMode.HYBRID)).hits().size());
    }
  }

  @Test
  void badModelNamesChangeNothing(@TempDir Path dir) {
    String idx = dir.resolve("idx").toString();
    CliRunner.Run unknown = run("index", TestData.seeds().toString(), "--index", idx, "--model", "bert-huge");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("unknown embedding model 'bert-huge'; known: all-MiniLM-L6-v2-q, all-MiniLM-L6-v2,"), unknown.err());
    CliRunner.Run both = run("index", TestData.seeds().toString(), "--index", idx, "--no-vectors", "--model",
        "e5-small-v2-q");
    assertEquals(2, both.code());
    assertTrue(both.err().contains("give one or the other"), both.err());
    assertEquals(1, run("stats", "--index", idx).code(), "no index was made");
  }
}
