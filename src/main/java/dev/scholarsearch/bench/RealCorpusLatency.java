package dev.scholarsearch.bench;

import dev.scholarsearch.cluster.ClusterSearcher;
import dev.scholarsearch.cluster.EngineUrl;
import dev.scholarsearch.http.AppFactory;
import dev.scholarsearch.http.ServerOptions;
import dev.scholarsearch.http.Services;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.Suggester;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Query latency on an existing index of real papers, each query three ways back to back: the bare
 * Lucene floor ({@link BareLuceneSearcher}), our service in-process, and over HTTP on loopback with
 * one client; then each endpoint's throughput from {@code clients} concurrent clients. Back to
 * back, so that all three see the same machine at the same moment.
 *
 * <p>With an engine (a cluster built by {@code index --engine} from the same papers), each query
 * also runs against the cluster's services, in-process and over HTTP, in the same turn: the local
 * index and the cluster are then compared on one machine at one moment, not in runs minutes apart.
 */
public final class RealCorpusLatency {
  /** Latencies of one row: the floor, in-process, HTTP, and the cluster's in-process and HTTP. */
  private record Row(Latencies floor, Latencies inProcess, Latencies http, Latencies clusterInProcess,
      Latencies clusterHttp) {
    Row() {
      this(new Latencies(), new Latencies(), new Latencies(), new Latencies(), new Latencies());
    }
  }

  /** One set of services and the server over them. */
  private record Served(Services services, Javalin app, String url) {
    static Served start(Services services) {
      Javalin app = AppFactory.create(services, new ServerOptions(List.of(), ServerOptions.DEFAULT.maxBodyBytes(), false))
          .start("127.0.0.1", 0);
      return new Served(services, app, "http://127.0.0.1:" + app.port());
    }
  }

  private final Path indexDir;
  private final int queries;
  private final int clients;
  private final Optional<EngineUrl> engine;
  private final PrintStream out;

  public RealCorpusLatency(Path indexDir, Optional<EngineUrl> engine, int queries, int clients, PrintStream out) {
    this.indexDir = indexDir;
    this.engine = engine;
    this.queries = queries;
    this.clients = clients;
    this.out = out;
  }

  public void run() throws Exception {
    try (LiveIndex index = LiveIndex.open(indexDir, Duration.ofHours(1)); Suggester suggester = new Suggester(index)) {
      Served local = Served.start(Services.over(index, suggester));
      Optional<Served> cluster = Optional.empty();
      try {
        if (engine.isPresent()) {
          cluster = Optional.of(Served.start(Services.onCluster(sameCorpus(ClusterSearcher.open(engine.get()), index))));
        }
        // A full pass of other queries first (another seed), so the JIT has compiled every path.
        measure(index, local, cluster, QueryMix.ofTitles(index, queries, 8));
        Map<String, Row> rows = measure(index, local, cluster, QueryMix.ofTitles(index, queries, 7));
        print(rows, cluster.isPresent());
        QueryMix loadMix = QueryMix.ofTitles(index, queries, 9);
        throughput("the local index", local, loadMix);
        if (cluster.isPresent()) {
          throughput(engine.get().toString(), cluster.get(), loadMix);
        }
      } finally {
        local.app().stop();
        cluster.ifPresent(c -> c.app().stop());
      }
    }
  }

  /** The cluster, once it is known to hold as many papers as the index: else the two answer different questions. */
  private ClusterSearcher sameCorpus(ClusterSearcher cluster, LiveIndex index) throws java.io.IOException {
    long there = cluster.overview().papers();
    long here = dev.scholarsearch.search.IndexOverview.counts(index).papers();
    if (there != here) {
      throw new IllegalArgumentException(engine.get() + " holds " + there + " papers and " + indexDir + " holds " + here
          + ": index the same file into both (scholar index --engine URL FILE)");
    }
    return cluster;
  }

  private Map<String, Row> measure(LiveIndex index, Served local, Optional<Served> cluster, QueryMix mix)
      throws Exception {
    Benchmark ours = new Benchmark(local.services(), mix);
    Optional<Benchmark> theirs = cluster.map(c -> new Benchmark(c.services(), mix));
    BareLuceneSearcher bare = new BareLuceneSearcher();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Benchmark.Kind kind : Benchmark.Kind.values()) {
      List<LiveIndex.SearchTask<Integer>> floor = bare.calls(kind, mix, index);
      List<Runnable> inProcess = ours.calls(kind);
      List<Runnable> clusterCalls = theirs.map(b -> b.calls(kind)).orElse(List.of());
      List<String> paths = ours.paths(kind);
      for (int i = 0; i < inProcess.size(); i++) {
        String name = switch (kind) {
          case SEARCH -> QueryMix.titleSearchKind(i).endsWith("with facets") ? "search, with facets" : "search, no facets";
          case SIMILAR -> "similar papers";
          case RESEARCHERS -> "researchers";
        };
        Row row = rows.computeIfAbsent(name, k -> new Row());
        LiveIndex.SearchTask<Integer> f = floor.get(i);
        long t0 = System.nanoTime();
        index.search(f);
        row.floor().add(System.nanoTime() - t0);
        row.inProcess().add(timed(inProcess.get(i)));
        row.http().add(get(client, local.url() + paths.get(i)));
        if (cluster.isPresent()) {
          row.clusterInProcess().add(timed(clusterCalls.get(i)));
          row.clusterHttp().add(get(client, cluster.get().url() + paths.get(i)));
        }
      }
    }
    return rows;
  }

  private static long timed(Runnable call) {
    long t = System.nanoTime();
    call.run();
    return System.nanoTime() - t;
  }

  /** The time of one GET, which must answer 200. */
  private static long get(HttpClient client, String url) throws Exception {
    long t = System.nanoTime();
    HttpResponse<byte[]> res = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    long took = System.nanoTime() - t;
    if (res.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + res.statusCode());
    }
    return took;
  }

  private void print(Map<String, Row> rows, boolean withCluster) {
    out.printf("## Query latency on %s: floor, in-process, HTTP (1 client)%s, each query every way back to back%n",
        indexDir.getFileName(), withCluster ? ", and the same on " + engine.get() : "");
    out.println("| endpoint | n | floor p50 | floor p99 | in-process p50 | in-process p99 | HTTP p50 | HTTP p99 | HTTP p99 / floor p99 |"
        + (withCluster ? " cluster in-process p50 | cluster in-process p99 | cluster HTTP p50 | cluster HTTP p99 | cluster / local HTTP p50 |" : ""));
    out.println("|---|---|---|---|---|---|---|---|---|" + (withCluster ? "---|---|---|---|---|" : ""));
    rows.forEach((name, r) -> {
      out.printf("| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1fx |", name,
          r.floor().count(), r.floor().percentileMs(50), r.floor().percentileMs(99), r.inProcess().percentileMs(50),
          r.inProcess().percentileMs(99), r.http().percentileMs(50), r.http().percentileMs(99),
          r.http().percentileMs(99) / r.floor().percentileMs(99));
      if (withCluster) {
        out.printf(" %.2f | %.2f | %.2f | %.2f | %.1fx |", r.clusterInProcess().percentileMs(50),
            r.clusterInProcess().percentileMs(99), r.clusterHttp().percentileMs(50), r.clusterHttp().percentileMs(99),
            r.clusterHttp().percentileMs(50) / r.http().percentileMs(50));
      }
      out.println();
    });
    out.println("(milliseconds; the floor is a bare IndexSearcher on the same index and query texts: see BareLuceneSearcher)");
    out.println();
  }

  private void throughput(String where, Served served, QueryMix mix) throws InterruptedException {
    Benchmark ours = new Benchmark(served.services(), mix);
    out.printf("## Over HTTP from %d clients, each endpoint alone, on %s%n", clients, where);
    out.println("| endpoint | requests | p50 ms | p99 ms | req/s |");
    out.println("|---|---|---|---|---|");
    for (Benchmark.Kind kind : Benchmark.Kind.values()) {
      Latencies l = ours.http(kind, served.url(), clients, queries);
      out.printf("| %s | %d | %.2f | %.2f | %.0f |%n", kind.name().toLowerCase(), l.count(), l.percentileMs(50),
          l.percentileMs(99), l.qps());
    }
    out.println();
  }
}
