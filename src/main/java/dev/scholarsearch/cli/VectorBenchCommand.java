package dev.scholarsearch.cli;

import dev.scholarsearch.bench.Latencies;
import dev.scholarsearch.bench.QueryMix;
import dev.scholarsearch.bench.RealTextBench;
import dev.scholarsearch.bench.SyntheticCorpus;
import dev.scholarsearch.bench.SyntheticVectors;
import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.embed.OnnxEmbedder;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.index.VectorFormats;
import dev.scholarsearch.index.PaperVectors;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.PaperSearcher;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.lucene.search.KnnFloatVectorQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench-vectors}: what semantic retrieval costs, measured side by side with lexical in one run. */
@Command(name = "bench-vectors", mixinStandardHelpOptions = true,
    description = {"Benchmark semantic and hybrid retrieval against lexical, side by side in one run.",
      "",
      "It measures three things:",
      "",
      "1. On real text (--input, e.g. CACM): embedding throughput, a rebuild with a cold and a warm vector "
          + "cache against a lexical-only rebuild, index size with and without vectors, and the latency that "
          + "semantic and hybrid search and similar papers add to lexical (p50/p99, in-process).",
      "2. At scale (--knn-papers synthetic papers with synthetic clustered unit vectors, as embedding "
          + "millions of texts would take days): HNSW kNN search p50/p99 next to BM25 search on the same index.",
      "3. With --rebuild-papers: re-indexing a synthetic corpus whose vectors are all cached, against the "
          + "same builds without vectors: written anew, updated unchanged, updated with 1%% of papers changed."},
    footer = {"", "Example:", "  scholar bench-vectors --knn-papers 1000000 \\",
      "      --input src/test/resources/cacm/corpus.jsonl",
      "  scholar bench-vectors --skip-text --knn-papers 0 --rebuild-papers 100000"})
final class VectorBenchCommand extends CliCommand {
  @Option(names = "--input", paramLabel = "FILE", description = "Papers with real text; without it, 2,000 synthetic papers.")
  Path input;

  @Option(names = "--knn-papers", paramLabel = "N", defaultValue = "100000", description = "Synthetic papers for the kNN run, 0 to skip (default: ${DEFAULT-VALUE}).")
  int knnPapers;

  @Option(names = "--rebuild-papers", defaultValue = "0", paramLabel = "N",
      description = "Also time re-indexing N synthetic papers whose vectors are all cached: written anew, updated "
          + "unchanged, and updated with 1%% changed, each with and without vectors (default: skip).")
  int rebuildPapers;

  @Option(names = "--queries", paramLabel = "N", defaultValue = "200", description = "Queries per measurement (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--reuse", description = "Reuse the kNN index of an earlier run of the same size instead of building it.")
  boolean reuse;

  @Option(names = "--skip-text", description = "Skip the real-text part: embedding, rebuilds, and latency by mode.")
  boolean skipText;

  @Option(names = "--dir", paramLabel = "DIR", description = "Where indexes go (default: target/bench of the project).")
  Path dir;

  @Option(names = "--vector-format", paramLabel = "FORMAT", defaultValue = "int8",
      description = "How the vectors are stored: int8 (scalar-quantized, what every index uses) or float32 "
          + "(default: ${DEFAULT-VALUE}).")
  String vectorFormat;

  @Option(names = "--graph-threshold", paramLabel = "T", defaultValue = "" + VectorFormats.GRAPH_THRESHOLD,
      description = "Lucene's tiny-segment threshold: a segment of n vectors gets an HNSW graph when n > T ln n "
          + "(default: ${DEFAULT-VALUE}; Lucene's own is 100).")
  int graphThreshold;

  @Option(names = "--max-conn", paramLabel = "N", defaultValue = "16",
      description = "HNSW neighbours per node (default: ${DEFAULT-VALUE}, Lucene's).")
  int maxConn;

  @Option(names = "--beam-width", paramLabel = "N", defaultValue = "100",
      description = "HNSW candidates kept while the graph is built (default: ${DEFAULT-VALUE}, Lucene's).")
  int beamWidth;

  @Option(names = "--merge-workers", paramLabel = "N", defaultValue = "1",
      description = "Threads for one HNSW merge (default: ${DEFAULT-VALUE}).")
  int mergeWorkers;

  @Mixin
  SearchThreadsOption searchThreads;

  private VectorFormats formats() {
    return VectorFormats.DEFAULT.withFormat(vectorFormat).withGraphThreshold(graphThreshold)
        .withGraph(maxConn, beamWidth, mergeWorkers);
  }

  @Override
  public Integer call() throws Exception {
    VectorFormats formats = formats(); // fails here, naming the bad value, before any work
    Path base = (dir == null ? Home.dir().resolve("target").resolve("bench") : dir).toAbsolutePath();
    Files.createDirectories(base);
    out.printf("# bench-vectors: %d cores, Java %s, max heap %d MiB, model %s%n%n", Runtime.getRuntime().availableProcessors(),
        Runtime.version(), Runtime.getRuntime().maxMemory() >> 20, EmbeddingModel.DEFAULT.name());
    if (!skipText) {
      new RealTextBench(base, input, queries, formats, searchThreads(), out, err).run();
    }
    if (rebuildPapers > 0) {
      new dev.scholarsearch.bench.RebuildBench(base, rebuildPapers, formats, out).run();
    }
    if (knnPapers > 0) {
      atScale(base);
    }
    return 0;
  }

  private void atScale(Path base) throws Exception {
    Path jsonl = base.resolve("synthetic-" + knnPapers + ".jsonl");
    SyntheticCorpus synthetic = new SyntheticCorpus(42, knnPapers);
    if (!Files.exists(jsonl)) {
      synthetic.write(jsonl, knnPapers);
    }
    Path idx = base.resolve("vec-knn-" + knnPapers);
    SyntheticVectors vectors = new SyntheticVectors(42, 1024, EmbeddingModel.DEFAULT.dimensions());
    long t = System.nanoTime();
    boolean reused = reuse && dev.scholarsearch.index.IndexStatus.of(idx).readableManifest().map(m -> m.papers() == knnPapers).orElse(false);
    if (!reused) {
      Corpus corpus = new Ingester(ReferenceDate.now(), s -> {}).ingest(List.of(jsonl)).corpus();
      Indexer.build(idx, corpus, List.of(), "bench", vectors, formats(), Indexer.Strategy.AUTO, err::println);
    }
    double build = secs(t);
    long bytes = size(idx);
    out.printf("## kNN at %,d synthetic vectors (%d dims, HNSW, %s) next to BM25, in-process, 1 thread%n", knnPapers,
        EmbeddingModel.DEFAULT.dimensions(), formats().describe());
    out.printf(reused ? "build: reused the index built before; index %3$.0f bytes/paper; search threads per request: %4$s%n"
        : "build with vectors: %.0f s (%,.0f papers/s); index %.0f bytes/paper; search threads per request: %s%n",
        build, knnPapers / build, bytes / (double) knnPapers, searchThreads.describe());
    try (LiveIndex index = LiveIndex.open(idx, LiveIndex.Options.DEFAULT.refreshEvery(Duration.ofHours(1)).threads(searchThreads()))) {
      PaperSearcher papers = new PaperSearcher(index);
      // Hybrid once more without vector feedback, to show what its second kNN search costs. Each
      // mode has its own searcher, so each embeds every query itself (none reuses another's vector).
      PaperSearcher noFeedback = new PaperSearcher(index, dev.scholarsearch.search.SearchTuning.DEFAULT,
          dev.scholarsearch.search.HybridTuning.DEFAULT.withFeedbackDocs(0));
      QueryMix mix = QueryMix.of(synthetic, index, knnPapers, queries, 7);
      SplittableRandom r = new SplittableRandom(9);
      int[] ks = {10, 100, 1000};
      Latencies bm25 = new Latencies();
      Latencies[] knn = {new Latencies(), new Latencies(), new Latencies()};
      int warm = Math.min(50, queries / 4);
      for (int i = 0; i < mix.searches().size(); i++) {
        String qs = mix.searches().get(i);
        SearchRequest req = dev.scholarsearch.bench.Benchmark.request(qs).withMode(SearchMode.LEXICAL);
        long s = System.nanoTime();
        papers.search(req);
        if (i >= warm) {
          bm25.add(System.nanoTime() - s);
        }
        float[] q = vectors.query(r);
        for (int k = 0; k < ks.length; k++) {
          int kk = ks[k];
          s = System.nanoTime();
          index.search(searcher -> searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, q, kk), kk));
          if (i >= warm) {
            knn[k].add(System.nanoTime() - s);
          }
        }
      }
      out.println("| query | p50 ms | p99 ms |");
      out.println("|---|---|---|");
      out.printf("| BM25 search (the bench query mix: facets on half, filters on a sixth) | %.2f | %.2f |%n",
          bm25.percentileMs(50), bm25.percentileMs(99));
      for (int k = 0; k < ks.length; k++) {
        out.printf("| kNN, k=%d | %.2f | %.2f |%n", ks[k], knn[k].percentileMs(50), knn[k].percentileMs(99));
      }
      out.println();
    }
  }

  private void rewrite(Path dir, Corpus corpus, PaperVectors vectors) throws IOException {
    Indexer.build(dir, corpus, List.of(), "bench", vectors, formats(), Indexer.Strategy.REWRITE, s -> {});
  }

  private int searchThreads() {
    return searchThreads.threads();
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
