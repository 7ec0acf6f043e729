package dev.scholarsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: index the seeds, search, stats, help and errors. */
class CliTest {
  static CliRunner.Run run(String... args) {
    return CliRunner.run(args);
  }

  @Test
  void indexSeedsThenSearchFindsTheObviousPaper(@TempDir Path dir) {
    String idx = dir.resolve("idx").toString();
    CliRunner.Run index = run("index", TestData.seeds().toString(), "--index", idx, "--reference-date", "2026-11-22");
    assertEquals(0, index.code(), index.err());
    assertTrue(index.out().contains("pages parsed:      5 (trust-score layout: 3, metrics layout: 2)"), index.out());
    assertTrue(index.out().contains("papers:            42 (from 48 listings; 5 duplicates merged, 1 version merged)"), index.out());
    assertTrue(index.out().contains("researchers:       57 (4 with a profile; 1 profile page merged into another)"), index.out());
    assertTrue(index.out().contains("skipped:           0"), index.out());

    CliRunner.Run search = run("search", "speculative rollout tree-structured cache", "--index", idx, "--limit", "3");
    assertEquals(0, search.code(), search.err());
    String firstHit = search.out().lines().skip(1).findFirst().orElseThrow();
    assertTrue(firstHit.contains("SRT: Accelerating Reinforcement Learning via Speculative Rollout with Tree-Structured Cache"), search.out());
    assertTrue(search.out().contains("Chi-Chih Chang, Siqi Zhu, Zhichen Zeng"), search.out());

    // grep -il "stochastic gradient" finds it in three papers of Ruqi Zhang's page, and nowhere else.
    CliRunner.Run phrase = run("search", "\"stochastic gradient\"", "--index", idx);
    assertTrue(phrase.out().startsWith("3 papers match"), phrase.out());
    for (String t : new String[] {"Low-Precision Stochastic Gradient Langevin Dynamics",
        "AMAGOLD: Amortized Metropolis Adjustment for Efficient Stochastic Gradient MCMC",
        "Cyclical Stochastic Gradient MCMC for Bayesian Deep Learning"}) {
      assertTrue(phrase.out().contains(t), phrase.out());
    }

    CliRunner.Run stats = run("stats", "--index", idx);
    assertEquals(0, stats.code(), stats.err());
    assertTrue(stats.out().contains("papers:       42"), stats.out());
    assertTrue(stats.out().contains("researchers:  57 (4 with a profile page)"), stats.out());
    assertTrue(stats.out().contains("top category: cs.LG (10), cs.CL (9), cs.AI (8), cs.CV (3), cs.DC (1)"), stats.out());
  }

  @Test
  void theVectorCacheMeansASecondRunEmbedsNothing(@TempDir Path dir) {
    String idx = dir.resolve("idx").toString();
    CliRunner.Run first = run("index", TestData.seeds().toString(), "--index", idx, "-q");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("vectors:           42 papers, 42 embedded ("), first.out());
    // The rate leaves out the model's loading, said apart when this run loaded it.
    assertTrue(first.out().matches("(?s).*0 from the cache; model all-MiniLM-L6-v2-q( \\(loaded in [0-9.]+ s\\))?\n.*"),
        first.out());

    CliRunner.Run second = run("index", TestData.seeds().toString(), "--index", idx, "--replace", "-q");
    assertEquals(0, second.code(), second.err());
    assertTrue(second.out().contains("vectors:           42 papers, 0 embedded (0.0 s), 42 from the cache"), second.out());

    // The cache is keyed by content, not by index: a new index directory sharing the cache embeds nothing either.
    CliRunner.Run elsewhere = run("index", TestData.seeds().toString(), "--index", dir.resolve("other").toString(),
        "--vector-cache", dir.resolve("idx").resolve("vector-cache").toString(), "-q");
    assertTrue(elsewhere.out().contains("0 embedded (0.0 s), 42 from the cache"), elsewhere.out());

    CliRunner.Run stats = run("stats", "--index", idx);
    assertTrue(stats.out().contains("vectors:      all-MiniLM-L6-v2-q ("), stats.out());
    CliRunner.Run semantic = run("search", "tracking a person's posture via phones", "--index", idx, "--mode", "semantic",
        "--limit", "1");
    assertEquals(0, semantic.code(), semantic.err());
    assertTrue(semantic.out().contains("Human Motion Estimation with Everyday Wearables"), semantic.out());
  }

  @Test
  void noVectorsBuildsALexicalOnlyIndex(@TempDir Path dir) {
    String idx = dir.resolve("idx").toString();
    CliRunner.Run index = run("index", TestData.seeds().toString(), "--index", idx, "--no-vectors", "-q");
    assertEquals(0, index.code(), index.err());
    assertTrue(index.out().contains("vectors:           none (built without vectors: lexical search only)"), index.out());
    assertTrue(!Files.exists(dir.resolve("idx").resolve("vector-cache")), "no cache is made");
    CliRunner.Run stats = run("stats", "--index", idx);
    assertTrue(stats.out().contains("vectors:      none"), stats.out());
    // Rebuilt from its inputs, it stays lexical-only unless a model is asked for.
    CliRunner.Run again = run("index", "--index", idx, "-q");
    assertTrue(again.out().contains("vectors:           none"), again.out());
    CliRunner.Run lexical = run("search", "speculative rollout", "--index", idx);
    assertEquals(0, lexical.code(), lexical.err());
    // An empty query lists the newest papers; the API's filters and paging are there too. stats says
    // 16 seed papers come from arXiv, and a listing has no relevance, so no scores are printed.
    CliRunner.Run listing = run("search", "", "--index", idx, "--venue", "arXiv", "--type", "preprint", "--offset", "1",
        "--limit", "2");
    assertEquals(0, listing.code(), listing.err());
    assertTrue(listing.out().startsWith("16 papers listed, newest first; 2 to 3:\n 2. p-"), listing.out());
    assertEquals(5, listing.out().lines().count(), listing.out());
    assertTrue(!listing.out().contains("score"), listing.out());
    assertTrue(run("search", "", "--index", idx, "--has-code").out().matches("(?s)\\d+ papers? listed.*"));
    CliRunner.Run semantic = run("search", "speculative rollout", "--index", idx, "--mode", "semantic");
    assertEquals(2, semantic.code());
    assertTrue(semantic.err().contains("--no-vectors"), semantic.err());
    CliRunner.Run badMode = run("search", "x", "--index", idx, "--mode", "dense");
    assertEquals(2, badMode.code());
    assertTrue(badMode.err().contains("'dense'"), badMode.err());
  }

  @Test
  void reindexingRemembersInputsAndDuplicatesNothing(@TempDir Path dir) throws Exception {
    String idx = dir.resolve("idx").toString();
    assertEquals(0, run("index", TestData.seeds().toString(), "--index", idx, "-q").code());
    Path extra = dir.resolve("extra.jsonl");
    Files.writeString(extra, "{\"id\":\"x-1\",\"title\":\"Quantum Error Correction Codes\",\"authors\":[\"Siqi Zhu\"]}\n"
        + "{\"id\":\"x-2\",\"title\":\"Surface Codes at Scale\"}\n");
    CliRunner.Run more = run("index", extra.toString(), "--index", idx, "-q");
    assertEquals(0, more.code(), more.err());
    assertTrue(more.out().contains("papers:            44"), more.out());
    CliRunner.Run again = run("index", extra.toString(), "--index", idx, "-q");
    assertTrue(again.out().contains("papers:            44"), again.out());

    CliRunner.Run stale = run("index", extra.toString(), "--index", idx, "--if-stale");
    assertEquals(0, stale.code());
    assertTrue(stale.err().contains("is up to date (44 papers)"), stale.err());

    CliRunner.Run replaced = run("index", extra.toString(), "--index", idx, "--replace", "-q");
    assertTrue(replaced.out().contains("papers:            2 "), replaced.out());
  }

  @Test
  void aLargeCorpusIsUpdatedInPlaceUnlessFullIsAsked(@TempDir Path dir) throws Exception {
    String idx = dir.resolve("idx").toString();
    Path big = dir.resolve("big.jsonl");
    new dev.scholarsearch.bench.SyntheticCorpus(11, 20_000).write(big, 20_000);
    CliRunner.Run first = run("index", big.toString(), "--index", idx, "--no-vectors", "-q");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("build:             written anew in"), first.out());

    Path extra = dir.resolve("extra.jsonl");
    Files.writeString(extra, "{\"id\":\"x-1\",\"title\":\"Quantum Error Correction Codes\"}\n"
        + "{\"id\":\"x-2\",\"title\":\"Surface Codes at Scale\"}\n");
    CliRunner.Run more = run("index", extra.toString(), "--index", idx, "--no-vectors", "-q");
    assertEquals(0, more.code(), more.err());
    assertTrue(more.out().contains("20,000 papers unchanged and kept, 2 added, 0 deleted"), more.out());
    CliRunner.Run search = run("search", "surface codes", "--index", idx, "--limit", "1");
    assertTrue(search.out().contains("Surface Codes at Scale"), search.out());

    CliRunner.Run replaced = run("index", extra.toString(), "--index", idx, "--replace", "--no-vectors", "-q");
    assertTrue(replaced.out().contains("written anew"), "2 papers are too few to update in place: " + replaced.out());
    CliRunner.Run back = run("index", big.toString(), extra.toString(), "--index", idx, "--replace", "--no-vectors",
        "--full", "-q");
    assertTrue(back.out().contains("build:             written anew in"), back.out());
    assertTrue(back.out().contains("(20002 papers"), back.out());
  }

  @Test
  void badFilesAreSkippedWithReasonsAndTheRestIsIndexed(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.copy(TestData.seed("002_"), in.resolve("good.txt"));
    Files.writeString(in.resolve("notes.txt"), "Shopping list\nmilk\n");
    Files.write(in.resolve("garbage.txt"), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 3});
    Files.writeString(in.resolve("papers.jsonl"), "{\"id\":\"a\",\"title\":\"Fine\"}\n{oops\n");
    CliRunner.Run r = run("index", in.toString(), "--index", dir.resolve("idx").toString(), "-q");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("papers:            3 "), r.out());
    assertTrue(r.out().contains("skipped:           3"), r.out());
    assertTrue(r.out().contains("notes.txt: not a profile page"), r.out());
    assertTrue(r.out().contains("garbage.txt: not a profile page"), r.out());
    assertTrue(r.out().contains("papers.jsonl:2: not valid JSON"), r.out());
  }

  @Test
  void nothingToIndexIsAnErrorAndKeepsTheOldIndex(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "nothing here");
    CliRunner.Run r = run("index", bad.toString(), "--index", dir.resolve("idx").toString(), "-q");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("nothing to index"), r.err());
  }

  @Test
  void helpWorksEverywhere() {
    for (String[] args : new String[][] {{"--help"}, {"index", "--help"}, {"search", "--help"}, {"stats", "--help"},
        {"eval", "--help"}, {"serve", "--help"}, {"bench", "--help"}, {"bench-vectors", "--help"},
        {"bench-embed", "--help"}, {"loadtest", "--help"}, {"cluster", "--help"},
        {"eval-proxy", "--help"}}) {
      CliRunner.Run r = run(args);
      assertEquals(0, r.code(), String.join(" ", args));
      assertTrue(r.out().contains("Usage: scholar"), r.out());
      // A line picocli could not format is printed raw, its %n left in.
      assertFalse(r.out().contains("%n"), r.out());
      boolean inExamples = false;
      for (String line : r.out().split("\n")) {
        assertTrue(line.length() <= 80, "fits 80 columns: " + line);
        // picocli names an option's value after its field (<knnPapers>) when it has no paramLabel.
        assertFalse(line.matches(".*<[a-z]+[A-Z]\\w*>.*"), "a placeholder for people: " + line);
        inExamples = line.startsWith("Example") || (inExamples && !line.startsWith("Settings"));
        // An example too long for the width is wrapped by picocli onto a line of its own at column 0.
        assertTrue(!inExamples || line.isEmpty() || line.startsWith("  ") || line.endsWith(":"),
            String.join(" ", args) + ": an example wrapped mid-command: " + line);
      }
    }
    for (String command : java.util.List.of("index", "serve", "search", "eval", "bench-embed")) {
      assertEquals("scholar-search 0.1.0", run(command, "--version").out().strip(), command + " --version");
    }
    String top = run("--help").out();
    assertFalse(top.contains("in one run:"), "each command's summary is a whole sentence: " + top);
    assertTrue(run("index", "--help").out().contains("--reference-date"));
    assertTrue(run("index", "--help").out().contains("bge-small-en-v1.5-q"), "the models --model knows are listed");
    assertTrue(run("eval", "--help").out().contains("largest share of papers (%)"));
  }

  @Test
  void searchWithoutAnIndexSaysWhatToDo(@TempDir Path dir) {
    CliRunner.Run r = run("search", "x", "--index", dir.resolve("none").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("no index in") && r.err().contains("scholar index"), r.err());
  }

  @Test
  void badSearchParametersAreClearErrors(@TempDir Path dir) {
    String idx = dir.resolve("idx").toString();
    run("index", TestData.seeds().toString(), "--index", idx, "-q");
    CliRunner.Run limit = run("search", "x", "--index", idx, "--limit", "500");
    assertEquals(2, limit.code());
    assertTrue(limit.err().contains("limit must be between 1 and 100, got 500"), limit.err());
    CliRunner.Run year = run("search", "x", "--index", idx, "--year", "20x4");
    assertEquals(2, year.code());
    assertTrue(year.err().contains("year must be YYYY"), year.err());
  }
}
