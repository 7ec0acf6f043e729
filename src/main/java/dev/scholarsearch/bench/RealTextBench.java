package dev.scholarsearch.bench;

import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.embed.OnnxEmbedder;
import dev.scholarsearch.embed.VectorCache;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.index.PaperVectors;
import dev.scholarsearch.index.VectorFormats;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.search.HybridTuning;
import dev.scholarsearch.search.PaperSearcher;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.search.SearchRequest;
import dev.scholarsearch.search.SearchTuning;
import dev.scholarsearch.search.SortOrder;
import dev.scholarsearch.similar.SimilarPapers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * What vectors cost on real text (a JSONL corpus, or 2,000 synthetic abstracts): indexing with and
 * without them, embedding alone, and query latency in each mode, side by side in one JVM.
 */
public final class RealTextBench {
  private final Path base;
  private final Path input;
  private final int queries;
  private final VectorFormats formats;
  private final int searchThreads;
  private final PrintStream out;
  private final PrintStream err;

  /** {@code input} null: 2,000 synthetic abstracts, written under {@code base} once. */
  public RealTextBench(Path base, Path input, int queries, VectorFormats formats, int searchThreads, PrintStream out,
      PrintStream err) {
    this.base = base;
    this.input = input;
    this.queries = queries;
    this.formats = formats;
    this.searchThreads = searchThreads;
    this.out = out;
    this.err = err;
  }

  public void run() throws IOException {
    Path in = input;
    if (in == null) {
      in = base.resolve("synthetic-2000.jsonl");
      if (!Files.exists(in)) {
        new SyntheticCorpus(42, 2_000).write(in, 2_000);
      }
    }
    Corpus corpus = new Ingester(ReferenceDate.now(), s -> {}).ingest(List.of(in.toAbsolutePath())).corpus();
    Path vectors = base.resolve("vec-hybrid");
    indexing(corpus, in, vectors);
    latency(corpus, vectors);
  }

  /** Every build here writes its index anew (as index --full does), so the rows compare like with like. */
  private void indexing(Corpus corpus, Path in, Path vectors) throws IOException {
    int n = corpus.papers().size();
    double words = corpus.papers().stream().mapToInt(p -> PaperVectors.text(p).split("\\s+").length).average().orElse(0);
    Path lexical = base.resolve("vec-lexical");
    Path cache = base.resolve("vec-cache-" + System.nanoTime());
    OnnxEmbedder.shared().embedQuery("warm up"); // the model's one-off load is not indexing time
    long t = System.nanoTime();
    rewrite(lexical, corpus, null);
    double lexSecs = secs(t);
    double coldTotal;
    PaperVectors.Stats coldStats;
    try (VectorCache c = VectorCache.open(cache, EmbeddingModel.DEFAULT.name(), EmbeddingModel.DEFAULT.dimensions())) {
      t = System.nanoTime();
      PaperVectors v = PaperVectors.using(OnnxEmbedder::shared, c, err::println);
      rewrite(vectors, corpus, v);
      coldTotal = secs(t);
      coldStats = v.stats();
    }
    double warmTotal;
    try (VectorCache c = VectorCache.open(cache, EmbeddingModel.DEFAULT.name(), EmbeddingModel.DEFAULT.dimensions())) {
      t = System.nanoTime();
      rewrite(vectors, corpus, PaperVectors.using(OnnxEmbedder::shared, c, s -> {}));
      warmTotal = secs(t);
    }
    // Lexical again, now that the JIT is as warm as it was for the warm-cache build; the faster run counts.
    t = System.nanoTime();
    rewrite(lexical, corpus, null);
    lexSecs = Math.min(lexSecs, secs(t));
    out.printf("## Indexing %,d papers of %s (%.0f words each on average)%n", n, in.getFileName(), words);
    out.println("| build | seconds | papers/s | index bytes/paper |");
    out.println("|---|---|---|---|");
    out.printf("| lexical only (--no-vectors; the faster of two runs) | %.1f | %,.0f | %,.0f |%n", lexSecs, n / lexSecs,
        size(lexical) / (double) n);
    out.printf("| with vectors, cold cache (embeds all) | %.1f | %,.0f | %,.0f |%n", coldTotal, n / coldTotal,
        size(vectors) / (double) n);
    out.printf("| with vectors, warm cache (embeds none) | %.1f | %,.0f | %,.0f |%n", warmTotal, n / warmTotal,
        size(vectors) / (double) n);
    double coldEmbed = coldStats.embedSeconds();
    out.printf("embedding alone: %,d texts in %.1f s = %.1f papers/s; warm rebuild / lexical rebuild: %.2f; "
        + "cache %,.0f bytes/paper%n%n", coldStats.embedded(), coldEmbed, coldStats.embedded() / coldEmbed,
        warmTotal / lexSecs, size(cache) / (double) n);
  }

  /**
   * Each mode has its own searcher, so each embeds every query itself (none reuses another's
   * vector); hybrid runs once more without vector feedback, to show what its second kNN search costs.
   */
  private void latency(Corpus corpus, Path vectors) throws IOException {
    try (LiveIndex index = LiveIndex.open(vectors, LiveIndex.Options.DEFAULT.refreshEvery(Duration.ofHours(1))
        .threads(searchThreads))) {
      PaperSearcher papers = new PaperSearcher(index);
      PaperSearcher noFeedback = new PaperSearcher(index, SearchTuning.DEFAULT, HybridTuning.DEFAULT.withFeedbackDocs(0));
      SimilarPapers similar = new SimilarPapers(index, papers.kernel());
      SplittableRandom r = new SplittableRandom(5);
      List<Paper> sample = new ArrayList<>();
      for (int i = 0; i < 2 * queries; i++) {
        sample.add(corpus.papers().get(r.nextInt(corpus.papers().size())));
      }
      // Queries: the first words of a paper's title; distinct, so no query vector comes from the cache.
      List<String> qs = sample.stream().map(p -> String.join(" ", List.of(p.title().split("\\s+")).subList(0,
          Math.min(4, p.title().split("\\s+").length)))).distinct().toList();
      SearchMode[] modes = {SearchMode.LEXICAL, SearchMode.SEMANTIC, SearchMode.HYBRID, SearchMode.HYBRID};
      PaperSearcher[] searchers = {papers, new PaperSearcher(index), new PaperSearcher(index), noFeedback};
      Latencies[] search = {new Latencies(), new Latencies(), new Latencies(), new Latencies()};
      Latencies[] like = {new Latencies(), new Latencies()};
      int warm = Math.min(qs.size() / 4, 50);
      for (int i = 0; i < qs.size(); i++) {
        for (int m = 0; m < modes.length; m++) {
          int mode = (m + i) % modes.length; // rotate the order so no mode always runs on a warmer cache
          SearchRequest req = new SearchRequest(qs.get(i), SearchFilters.NONE, SortOrder.RELEVANCE, 0, 10, false, false, 10,
              modes[mode]);
          long s = System.nanoTime();
          searchers[mode].search(req);
          if (i >= warm) {
            search[mode].add(System.nanoTime() - s);
          }
        }
        for (int m = 0; m < 2; m++) {
          int mode = (m + i) % 2;
          long s = System.nanoTime();
          similar.like(sample.get(i).id(), SearchFilters.NONE, 10, mode == 0 ? SearchMode.LEXICAL : SearchMode.HYBRID);
          if (i >= warm) {
            like[mode].add(System.nanoTime() - s);
          }
        }
      }
      printLatencies(search, like, warm);
    }
  }

  private void printLatencies(Latencies[] search, Latencies[] like, int warm) {
    String[] labels = {"lexical", "semantic", "hybrid", "hybrid without vector feedback"};
    out.printf("## Query latency by mode, in-process, 1 thread (%d queries after %d warm-up)%n", search[0].count(), warm);
    out.println("| kind | mode | p50 ms | p99 ms | added p50 ms | added p99 ms |");
    out.println("|---|---|---|---|---|---|");
    for (int m = 0; m < search.length; m++) {
      out.printf("| search | %s | %.2f | %.2f | %s | %s |%n", labels[m], search[m].percentileMs(50),
          search[m].percentileMs(99), added(search, m, 50), added(search, m, 99));
    }
    for (int m = 0; m < like.length; m++) {
      out.printf("| similar | %s | %.2f | %.2f | %s | %s |%n", m == 0 ? "lexical" : "hybrid", like[m].percentileMs(50),
          like[m].percentileMs(99), added(like, m, 50), added(like, m, 99));
    }
    out.println();
  }

  /** What row {@code m} adds to the lexical row at percentile {@code p}; blank for the lexical row itself. */
  private static String added(Latencies[] rows, int m, int p) {
    return m == 0 ? "" : String.format("%+.2f", rows[m].percentileMs(p) - rows[0].percentileMs(p));
  }

  private void rewrite(Path dir, Corpus corpus, PaperVectors vectors) throws IOException {
    Indexer.build(dir, corpus, List.of(), "bench", vectors, formats, Indexer.Strategy.REWRITE, s -> {});
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
