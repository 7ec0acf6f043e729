package dev.scholarsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.cli.CliRunner;
import dev.scholarsearch.ingest.JsonlPaperReader;
import dev.scholarsearch.model.Listing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command still works end to end (a seconds-long run; real figures are in docs/BENCHMARKS.md). */
class BenchSmokeTest {
  @Test
  void generatorIsDeterministicAndRealistic(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    new SyntheticCorpus(42, 500).write(a, 500);
    new SyntheticCorpus(42, 500).write(b, 500);
    assertEquals(-1, Files.mismatch(a, b), "same seed and size, same bytes");
    List<Listing> papers = new ArrayList<>();
    JsonlPaperReader.Result r = new JsonlPaperReader().read(a, papers::add);
    assertEquals(List.of(), r.errors());
    assertEquals(500, papers.size());
    for (Listing p : papers) {
      int words = p.abstractText().split("\\s+").length;
      assertTrue(words >= 120 && words <= 350, words + " words");
      assertTrue(p.authors().size() >= 1 && p.authors().size() <= 12);
      int titleWords = p.title().split(" ").length;
      assertTrue(titleWords >= 6 && titleWords <= 12);
      assertTrue(p.year() >= 1990 && p.year() <= 2025);
      assertTrue(!p.categories().isEmpty());
    }
  }

  @Test
  void benchRunsAndReportsEveryMeasure(@TempDir Path dir) {
    CliRunner.Run r = CliRunner.run("bench", "--papers", "1500", "--queries", "30", "--clients", "1,4", "--dir", dir.toString());
    assertEquals(0, r.code(), r.err());
    String out = r.out();
    assertTrue(out.contains("| bare Lucene IndexWriter |"), out);
    assertTrue(out.contains("ratio (ours/bare throughput):"), out);
    for (String kind : new String[] {"search", "similar", "researchers"}) {
      assertTrue(out.contains("| " + kind + " | "), out);
      assertTrue(out.contains("| " + kind + " | 4 | "), out);
    }
    assertTrue(out.contains("start-up (open index + first query):"), out);
    assertTrue(out.contains("after a warm-up pass of 30 other queries of each kind"), out);
    assertTrue(out.contains("### HTTP against in-process, side by side"), out);
    assertTrue(java.util.regex.Pattern.compile("(?m)^\\| researchers \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|").matcher(out).find(),
        out);
    assertTrue(out.contains("| 2 words, category+year filter, with facets | "), out);

    // A second run reuses both indexes and measures the queries only.
    CliRunner.Run again = CliRunner.run("bench", "--papers", "1500", "--queries", "30", "--no-http", "--reuse",
        "--dir", dir.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("reused the index of an earlier run"), again.out());
    assertFalse(again.out().contains("| bare Lucene IndexWriter |"), again.out());
    assertTrue(again.out().contains("| search | "), again.out());
  }

  @Test
  void vectorBenchRunsAndReportsEveryMeasure(@TempDir Path dir) {
    CliRunner.Run r = CliRunner.run("bench-vectors", "--input", dev.scholarsearch.TestData.seeds().toString(),
        "--knn-papers", "1000", "--rebuild-papers", "1000", "--queries", "20", "--dir", dir.toString());
    assertEquals(0, r.code(), r.err());
    String out = r.out();
    assertTrue(out.contains("| with vectors, warm cache (embeds none) |"), out);
    assertTrue(out.contains("embedding alone: 42 texts in"), out);
    for (String row : new String[] {"| search | lexical |", "| search | semantic |", "| search | hybrid |",
        "| search | hybrid without vector feedback |",
        "| similar | hybrid |", "| kNN, k=100 |", "| BM25 search", "| written anew (index --full",
        "| updated in place, corpus unchanged |", "| updated in place, 1% of abstracts changed |"}) {
      assertTrue(out.contains(row), row + " in\n" + out);
    }
  }

  @Test
  void loadTestRunsEveryEndpointWithoutErrors(@TempDir Path dir) {
    String idx = dir.resolve("idx").toString();
    assertEquals(0, CliRunner.run("index", "-q", "--index", idx, dev.scholarsearch.TestData.seeds().toString()).code());
    CliRunner.Run r = CliRunner.run("loadtest", "--index", idx, "--clients", "2", "--seconds", "2");
    assertEquals(0, r.code(), r.out() + r.err());
    for (String endpoint : new String[] {"search", "paper", "similar", "similar-text", "researchers", "researcher", "suggest", "health"}) {
      assertTrue(r.out().contains("| " + endpoint + " | "), r.out());
    }
    assertTrue(r.out().contains("server heap in use after GC"), r.out());
  }

  @Test
  void latencyOnAnIndexOfRealPapersAgainstTheBareFloor(@TempDir Path dir) {
    // CACM's 3,204 real records: the query mix is drawn from their titles.
    Path index = dir.resolve("cacm");
    CliRunner.Run built = CliRunner.run("index", "--no-vectors", "--index", index.toString(),
        "src/test/resources/cacm/corpus.jsonl");
    assertEquals(0, built.code(), built.err());
    CliRunner.Run r = CliRunner.run("bench", "--index", index.toString(), "--queries", "24", "--clients", "2");
    assertEquals(0, r.code(), r.err());
    String out = r.out();
    for (String row : new String[] {"search, with facets | 12 |", "search, no facets | 12 |", "similar papers | 24 |",
        "researchers | 24 |"}) {
      assertTrue(out.contains("| " + row), row + " in\n" + out);
    }
    assertTrue(out.contains("## Over HTTP from 2 clients, each endpoint alone"), out);
    assertTrue(java.util.regex.Pattern.compile("(?m)^\\| similar \\| 24 \\| [0-9.]+ \\| [0-9.]+ \\| [0-9]+ \\|$")
        .matcher(out).find(), out);
  }

  @Test
  void anserinisCollectionHoldsEveryPaperAsIdAndContents(@TempDir Path dir) throws Exception {
    Path jsonl = dir.resolve("papers.jsonl");
    new SyntheticCorpus(7, 200).write(jsonl, 200);
    assertEquals(200, AnseriniComparison.writeCollection(jsonl, dir.resolve("collection")));
    List<String> lines = Files.readAllLines(dir.resolve("collection").resolve("papers.jsonl"));
    assertEquals(200, lines.size());
    var first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
    List<Listing> papers = new ArrayList<>();
    new JsonlPaperReader().read(jsonl, papers::add);
    assertEquals(papers.get(0).externalId(), first.get("id").asText());
    assertEquals(papers.get(0).title() + "\n" + papers.get(0).abstractText(), first.get("contents").asText());
  }

  @Test
  void aRealCorpusIsOnlyForTheAnseriniComparison(@TempDir Path dir) {
    CliRunner.Run r = CliRunner.run("bench", "--input", dir.resolve("x.jsonl").toString(), "--dir", dir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--input is for --against anserini"), r.err());
  }

  /**
   * bench-embed runs each model in a JVM of its own, in turns, and reports each one's rate and
   * ratio; a model written with a batch and session count (":4/1") is passed to its JVM as given.
   */
  @Test
  void embedBenchRunsEachModelInItsOwnJvm() {
    CliRunner.Run r = CliRunner.run("bench-embed", "--texts", "8", "--rounds", "1", "--models",
        "all-MiniLM-L6-v2-q,all-MiniLM-L6-v2-q:4/1");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("each model in its own JVM"), r.out());
    assertTrue(r.out().matches("(?s).*round 1: all-MiniLM-L6-v2-q [0-9.]+/s, all-MiniLM-L6-v2-q batch 4 workers 1 [0-9.]+/s.*"),
        r.out());
    assertTrue(r.out().matches("(?s).*all-MiniLM-L6-v2-q batch 4 workers 1 +[0-9.]+ +[0-9.]+x.*"), r.out());
  }
}
