package dev.scholarsearch.bench;

import dev.scholarsearch.embed.TextEmbedder;
import dev.scholarsearch.embed.VectorCache;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.index.VectorFormats;
import dev.scholarsearch.index.PaperVectors;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Paper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What vectors add to re-indexing a corpus whose vectors are all in the cache, at a size where
 * segments get HNSW graphs: each kind of build with and without vectors, side by side in one JVM.
 * Embedding is left out on purpose (the cache is filled before the clock starts; embedding
 * throughput is measured on real text elsewhere), and so is reading the corpus, which both pay.
 */
public final class RebuildBench {
  /** Share of papers whose abstract the "changed" corpus revises. */
  static final double CHANGED = 0.01;
  private static final String MODEL = "synthetic-384";

  private final Path base;
  private final int papers;
  private final PrintStream out;
  private final VectorFormats formats;

  /** Builds with {@code formats} (for the vectors' graph; lexical builds are unaffected). */
  public RebuildBench(Path base, int papers, VectorFormats formats, PrintStream out) {
    this.base = base;
    this.papers = papers;
    this.formats = formats;
    this.out = out;
  }

  public void run() throws IOException {
    Path jsonl = base.resolve("synthetic-" + papers + ".jsonl");
    if (!Files.exists(jsonl)) {
      new SyntheticCorpus(42, papers).write(jsonl, papers);
    }
    long t = System.nanoTime();
    Corpus corpus = new Ingester(ReferenceDate.now(), s -> {}).ingest(List.of(jsonl)).corpus();
    double ingest = secs(t);
    Corpus changed = revise(corpus);
    SyntheticVectors vectors = new SyntheticVectors(42, 1024, 384);
    Path cacheDir = base.resolve("rebuild-cache-" + papers);
    fill(cacheDir, vectors, corpus, changed);
    Path lexical = base.resolve("rebuild-lexical-" + papers);
    Path withVectors = base.resolve("rebuild-vectors-" + papers);

    double lexFull = build(lexical, corpus, null, Indexer.Strategy.REWRITE);
    double vecFull = build(withVectors, corpus, cacheDir, Indexer.Strategy.REWRITE);
    double lexSame = build(lexical, corpus, null, Indexer.Strategy.UPDATE);
    double vecSame = build(withVectors, corpus, cacheDir, Indexer.Strategy.UPDATE);
    double lexChanged = build(lexical, changed, null, Indexer.Strategy.UPDATE);
    double vecChanged = build(withVectors, changed, cacheDir, Indexer.Strategy.UPDATE);
    // The first lexical build ran on a cold JIT: build it again and keep the faster run.
    lexFull = Math.min(lexFull, build(lexical, corpus, null, Indexer.Strategy.REWRITE));

    out.printf("## Re-indexing %,d synthetic papers, every vector in the cache (%d dims; %s)%n", papers, 384,
        formats.describe());
    out.println("| build | lexical s | with vectors s | with vectors / lexical |");
    out.println("|---|---|---|---|");
    row("written anew (index --full; lexical: the faster of two runs)", lexFull, vecFull);
    row("updated in place, corpus unchanged", lexSame, vecSame);
    row(String.format("updated in place, %.0f%% of abstracts changed", CHANGED * 100), lexChanged, vecChanged);
    out.printf("Reading and merging the corpus, which every build pays first and the table leaves out: %.1f s.%n%n",
        ingest);
  }

  private void row(String label, double lexical, double vectors) {
    out.printf("| %s | %.1f | %.1f | %.2f |%n", label, lexical, vectors, vectors / lexical);
  }

  /** Seconds to make the index in {@code dir} hold {@code corpus}, vectors (when asked) from the cache. */
  private double build(Path dir, Corpus corpus, Path cacheDir, Indexer.Strategy strategy) throws IOException {
    long t = System.nanoTime();
    if (cacheDir == null) {
      Indexer.build(dir, corpus, List.of(), "bench", null, formats, strategy, s -> {});
    } else {
      try (VectorCache cache = VectorCache.open(cacheDir, MODEL, 384)) {
        Supplier<TextEmbedder> none = () -> {
          throw new IllegalStateException("the cache was filled before timing; nothing may need embedding");
        };
        Indexer.build(dir, corpus, List.of(), "bench", PaperVectors.using(none, cache, s -> {}), formats, strategy,
            s -> {});
      }
    }
    return secs(t);
  }

  /** Puts a vector for the text of every paper of both corpora into the cache. */
  private static void fill(Path cacheDir, SyntheticVectors vectors, Corpus... corpora) throws IOException {
    try (VectorCache cache = VectorCache.open(cacheDir, MODEL, 384)) {
      List<VectorCache.Key> keys = new ArrayList<>();
      List<float[]> batch = new ArrayList<>();
      java.util.Set<VectorCache.Key> seen = new java.util.HashSet<>();
      for (Corpus c : corpora) {
        for (Paper p : c.papers()) {
          VectorCache.Key k = cache.key(PaperVectors.text(p));
          if (!cache.contains(k) && seen.add(k)) {
            keys.add(k);
            batch.add(vectors.of(p));
          }
          if (keys.size() == 1_000) {
            cache.putAll(keys, batch);
            keys.clear();
            batch.clear();
          }
        }
      }
      cache.putAll(keys, batch);
    }
  }

  /** The corpus with the abstract of every hundredth paper revised (so its document and vector change). */
  private static Corpus revise(Corpus c) {
    List<Paper> out = new ArrayList<>(c.papers().size());
    int every = (int) Math.round(1 / CHANGED);
    for (int i = 0; i < c.papers().size(); i++) {
      Paper p = c.papers().get(i);
      if (i % every == 0) {
        String revised = p.abstractText() + " Revised edition.";
        p = new Paper(p.id(), p.title(), p.rawTitle(), revised, revised, p.authors(), p.year(), p.date(), p.categories(),
            p.venue(), p.type(), p.hasCode(), p.score(), p.url(), p.affiliation(), p.sources(), p.versions());
      }
      out.add(p);
    }
    return new Corpus(out, c.researchers());
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
