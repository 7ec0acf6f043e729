package dev.scholarsearch.cli;

import dev.scholarsearch.bench.AnseriniComparison;
import dev.scholarsearch.bench.BareLuceneIndexer;
import dev.scholarsearch.bench.Benchmark;
import dev.scholarsearch.bench.IndexSize;
import dev.scholarsearch.bench.Latencies;
import dev.scholarsearch.bench.QueryMix;
import dev.scholarsearch.bench.RealCorpusLatency;
import dev.scholarsearch.bench.SyntheticCorpus;
import dev.scholarsearch.http.AppFactory;
import dev.scholarsearch.http.ServerOptions;
import dev.scholarsearch.http.Services;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.Suggester;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: indexing throughput and query latency against bare Lucene, in one run, on synthetic papers. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmark on a deterministic synthetic corpus (Zipf vocabulary, 120-350-word abstracts, "
          + "1-12 authors from a Zipf pool): indexing throughput of our indexer against a bare Lucene IndexWriter "
          + "with the same analyzer and fields, start-up time, heap, and p50/p99/QPS of search, similar papers "
          + "and researcher ranking, in-process and over HTTP on loopback. Figures are ratios measured side by "
          + "side in one run; absolute numbers depend on the machine."},
    footer = {"", "Examples:", "  scholar bench --papers 10000            # a quick run",
      "  scholar bench --papers 1000000 --dir /data/bench --queries 600",
      "  scholar bench --index index/            # latency on your papers",
      "  scholar bench --index index/ \\",
      "      --engine solr://127.0.0.1:8983/papers  # the same papers there",
      "  scholar bench --against anserini --input papers.jsonl.gz"})
final class BenchCommand extends CliCommand {
  @Option(names = "--papers", paramLabel = "N", defaultValue = "10000", description = "Corpus size (default: ${DEFAULT-VALUE}).")
  int papers;

  @Option(names = "--dir", paramLabel = "DIR", description = "Where the corpus and indexes go (default: target/bench of the project).")
  Path dir;

  @Option(names = "--queries", paramLabel = "N", defaultValue = "300", description = "Queries per kind (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--clients", split = ",", paramLabel = "N", defaultValue = "1,4,16", description = "HTTP client counts (default: ${DEFAULT-VALUE}).")
  List<Integer> clients = new ArrayList<>();

  @Option(names = "--no-http", description = "Skip the HTTP runs.")
  boolean noHttp;

  @Option(names = "--reuse", description = "Reuse the indexes of an earlier run of the same size and schema: measure the "
      + "queries only (no indexing figures).")
  boolean reuse;

  @Option(names = "--threads", paramLabel = "N", description = "Indexing threads for the bare baseline and Anserini (default: cores).")
  Integer threads;

  /** The indexer ours is measured against. */
  enum Against { bare, anserini }

  @Option(names = "--against", paramLabel = "PEER", defaultValue = "bare", description = {"bare: a bare Lucene "
      + "IndexWriter, same analyzer and fields, in this JVM, then query latency (default).", "anserini: Anserini "
      + "1.5.0's IndexCollection, each indexer in its own JVM, in turns (indexing only; the jar comes through Maven)."})
  Against against;

  @Option(names = "--input", paramLabel = "FILE", description = "A real corpus (.jsonl, .jsonl.gz) instead of the "
      + "synthetic one, for --against anserini.")
  Path input;

  @Option(names = "--index", paramLabel = "DIR", description = {"Measure query latency on this existing index "
      + "(real papers, built by 'scholar index', with or without vectors) against a bare Lucene IndexSearcher on the "
      + "same queries: no synthetic corpus, no indexing."})
  Path index;

  @Option(names = "--engine", paramLabel = "URL", description = {"With --index: run every query against this cluster "
      + "too (built by 'index --engine' from the same file), in-process and over HTTP, in the same turn as the local "
      + "index, and its throughput from the clients after the local one's."})
  String engine;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "2", description = "Rounds of each indexer, for --against anserini; the best "
      + "counts (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  public Integer call() throws Exception {
    if (papers < 100) {
      err.println("error: --papers must be at least 100, got " + papers);
      return 2;
    }
    Path base = (dir == null ? Home.dir().resolve("target").resolve("bench") : dir).toAbsolutePath();
    Files.createDirectories(base);
    if (input != null && against != Against.anserini) {
      err.println("error: --input is for --against anserini; the bare comparison and the query figures use the synthetic corpus");
      return 2;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (engine != null && index == null) {
      err.println("error: --engine is for --index: the cluster is compared with a local index of the same papers");
      return 2;
    }
    if (index != null) {
      if (!dev.scholarsearch.index.IndexStatus.of(index).readableManifest().isPresent()) {
        err.println("error: no readable index at " + index + "; build one with: scholar index --index " + index + " FILE");
        return 2;
      }
      out.printf("# bench --index %s: %d queries per kind, %d cores, Java %s%n%n", index, queries, cores, Runtime.version());
      java.util.Optional<dev.scholarsearch.cluster.EngineUrl> url = java.util.Optional.empty();
      if (engine != null) {
        try {
          url = java.util.Optional.of(dev.scholarsearch.cluster.EngineUrl.parse(engine));
        } catch (IllegalArgumentException e) {
          err.println("error: " + e.getMessage());
          return 2;
        }
      }
      new RealCorpusLatency(index.toAbsolutePath(), url, queries, clients.get(clients.size() - 1), out).run();
      return 0;
    }
    SyntheticCorpus corpus = new SyntheticCorpus(42, papers);
    if (against == Against.anserini) {
      Path corpusFile = input != null ? input.toAbsolutePath() : synthetic(corpus, base);
      return new AnseriniBench(out, err).run(corpusFile, base, threads == null ? cores : threads, rounds);
    }
    Path jsonl = synthetic(corpus, base);
    out.printf("# bench: %,d synthetic papers, %d cores, Java %s, max heap %d MiB%n%n", papers, cores,
        Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);

    Path ours = base.resolve("ours-" + papers);
    indexing(jsonl, base.resolve("bare-" + papers), ours, cores);
    queries(ours, corpus);
    return 0;
  }

  /** The synthetic corpus of --papers papers as JSONL, generated on the first run of that size. */
  private Path synthetic(SyntheticCorpus corpus, Path base) throws IOException {
    Path jsonl = base.resolve("synthetic-" + papers + ".jsonl");
    if (!Files.exists(jsonl)) {
      long t = System.nanoTime();
      corpus.write(jsonl, papers);
      err.printf("generated %s in %.1f s%n", jsonl, (System.nanoTime() - t) / 1e9);
    }
    return jsonl;
  }

  /** Our indexer against a bare Lucene IndexWriter on the same file, unless --reuse finds an index to reuse. */
  private void indexing(Path jsonl, Path bare, Path ours, int cores) throws IOException {
    // The schema is in the fingerprint, so that --reuse never measures an index older code built.
    String fingerprint = "bench, schema " + Fields.SCHEMA_VERSION;
    boolean reused = reuse && dev.scholarsearch.index.IndexStatus.of(ours).readableManifest()
        .map(m -> m.papers() == papers && m.fingerprint().equals(fingerprint)).orElse(false);
    out.println("## Indexing");
    if (reused) {
      out.printf("reused the index of an earlier run (%s): no indexing figures in this run%n%n", ours);
      return;
    }
    long t0 = System.nanoTime();
    BareLuceneIndexer.index(jsonl, bare, threads == null ? cores : threads);
    double bareSecs = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    Indexer.write(ours, new Ingester(ReferenceDate.now(), s -> {}).ingest(List.of(jsonl)).corpus(),
        List.of(jsonl.toString()), fingerprint, err::println);
    double oursSecs = (System.nanoTime() - t1) / 1e9;
    out.println("| indexer | papers/s | seconds | bytes/paper |");
    out.println("|---|---|---|---|");
    out.printf("| bare Lucene IndexWriter | %,.0f | %.1f | %,.0f |%n", papers / bareSecs, bareSecs, (double) size(bare) / papers);
    out.printf("| scholar-search (parse, merge, facets, researchers) | %,.0f | %.1f | %,.0f |%n", papers / oursSecs,
        oursSecs, (double) size(ours) / papers);
    out.printf("ratio (ours/bare throughput): %.2f%n%n", bareSecs / oursSecs);
  }

  /** Latency in-process after a warm-up pass, then over HTTP, and the two side by side. */
  private void queries(Path ours, SyntheticCorpus corpus) throws Exception {
    long s0 = System.nanoTime();
    try (LiveIndex index = LiveIndex.open(ours, Duration.ofHours(1)); Suggester suggester = new Suggester(index)) {
      Services services = Services.over(index, suggester);
      services.papers().search(dev.scholarsearch.search.SearchRequest.of("start", 1));
      double startup = (System.nanoTime() - s0) / 1e6;
      Benchmark bench = new Benchmark(services, QueryMix.of(corpus, index, papers, queries, 7));
      // A server answers from a warm JVM: first a full pass of other queries of the same mix (another
      // seed, so nothing measured is answered from a cache), until the JIT has compiled every path.
      Benchmark warmUp = new Benchmark(services, QueryMix.of(corpus, index, papers, queries, 8));
      for (Benchmark.Kind k : Benchmark.Kind.values()) {
        warmUp.inProcess(k, 0);
      }
      inProcess(bench);
      double heap = Benchmark.heapMiB(s -> {});
      out.printf("start-up (open index + first query): %.0f ms; heap in use after warm-up and GC: %.0f MiB%n%n", startup, heap);
      if (!noHttp) {
        overHttp(services, bench);
      }
    }
  }

  private void inProcess(Benchmark bench) {
    out.println("## Query latency, in-process, 1 thread");
    out.printf("(after a warm-up pass of %d other queries of each kind, not measured)%n", queries);
    out.println("| kind | p50 ms | p99 ms | QPS |");
    out.println("|---|---|---|---|");
    for (Benchmark.Kind k : Benchmark.Kind.values()) {
      Latencies l = bench.inProcess(k, Math.min(100, queries));
      out.printf("| %s | %.2f | %.2f | %.0f |%n", k.name().toLowerCase(), l.percentileMs(50), l.percentileMs(99), l.qps());
    }
    out.println();
    out.println("### Keyword search by kind of query (in-process, one more pass)");
    out.println("| query | n | p50 ms | p99 ms | max ms |");
    out.println("|---|---|---|---|---|");
    bench.searchesByKind().forEach((kind, l) -> out.printf("| %s | %d | %.2f | %.2f | %.2f |%n", kind, l.count(),
        l.percentileMs(50), l.percentileMs(99), l.percentileMs(100)));
    out.println();
  }

  private void overHttp(Services services, Benchmark bench) throws Exception {
    Javalin app = AppFactory.create(services, new ServerOptions(List.of(), ServerOptions.DEFAULT.maxBodyBytes(), false))
        .start("127.0.0.1", 0);
    try {
      String url = "http://127.0.0.1:" + app.port();
      for (Benchmark.Kind k : Benchmark.Kind.values()) {
        bench.http(k, url, 1, Math.min(100, queries)); // warm-up
      }
      out.println("## Query latency over HTTP (loopback, Java HttpClient)");
      out.println("| kind | clients | p50 ms | p99 ms | QPS |");
      out.println("|---|---|---|---|---|");
      for (Benchmark.Kind k : Benchmark.Kind.values()) {
        for (int c : clients) {
          Latencies l = bench.http(k, url, c, queries);
          out.printf("| %s | %d | %.2f | %.2f | %.0f |%n", k.name().toLowerCase(), c, l.percentileMs(50),
              l.percentileMs(99), l.qps());
        }
      }
      out.println();
      out.println("### HTTP against in-process, side by side (each query both ways, back to back; 1 client)");
      out.println("| kind | in-process p50 ms | HTTP p50 ms | p50 HTTP / in-process | in-process p99 ms | HTTP p99 ms |");
      out.println("|---|---|---|---|---|---|");
      for (Benchmark.Kind k : Benchmark.Kind.values()) {
        Latencies[] pair = bench.sideBySide(k, url);
        out.printf("| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", k.name().toLowerCase(), pair[0].percentileMs(50),
            pair[1].percentileMs(50), pair[1].percentileMs(50) / pair[0].percentileMs(50), pair[0].percentileMs(99),
            pair[1].percentileMs(99));
      }
    } finally {
      app.stop();
    }
  }

  private static long size(Path dir) throws IOException {
    return IndexSize.bytes(dir);
  }
}
