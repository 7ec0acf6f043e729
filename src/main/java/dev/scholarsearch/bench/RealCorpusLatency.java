package dev.scholarsearch.bench;

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

/**
 * Query latency on an existing index of real papers, each query three ways back to back: the bare
 * Lucene floor ({@link BareLuceneSearcher}), our service in-process, and over HTTP on loopback with
 * one client; then each endpoint's throughput from {@code clients} concurrent clients. Back to
 * back, so that all three see the same machine at the same moment.
 */
public final class RealCorpusLatency {
  /** Latencies of one row: the floor, in-process, HTTP. */
  private record Row(Latencies floor, Latencies inProcess, Latencies http) {
    Row() {
      this(new Latencies(), new Latencies(), new Latencies());
    }
  }

  private final Path indexDir;
  private final int queries;
  private final int clients;
  private final PrintStream out;

  public RealCorpusLatency(Path indexDir, int queries, int clients, PrintStream out) {
    this.indexDir = indexDir;
    this.queries = queries;
    this.clients = clients;
    this.out = out;
  }

  public void run() throws Exception {
    try (LiveIndex index = LiveIndex.open(indexDir, Duration.ofHours(1)); Suggester suggester = new Suggester(index)) {
      Services services = Services.over(index, suggester);
      Javalin app = AppFactory.create(services, new ServerOptions(List.of(), ServerOptions.DEFAULT.maxBodyBytes(), false))
          .start("127.0.0.1", 0);
      try {
        String url = "http://127.0.0.1:" + app.port();
        // A full pass of other queries first (another seed), so the JIT has compiled every path.
        measure(index, services, QueryMix.ofTitles(index, queries, 8), url);
        Map<String, Row> rows = measure(index, services, QueryMix.ofTitles(index, queries, 7), url);
        print(rows);
        throughput(services, QueryMix.ofTitles(index, queries, 9), url);
      } finally {
        app.stop();
      }
    }
  }

  private Map<String, Row> measure(LiveIndex index, Services services, QueryMix mix, String url) throws Exception {
    Benchmark ours = new Benchmark(services, mix);
    BareLuceneSearcher bare = new BareLuceneSearcher();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Benchmark.Kind kind : Benchmark.Kind.values()) {
      List<LiveIndex.SearchTask<Integer>> floor = bare.calls(kind, mix, index);
      List<Runnable> local = ours.calls(kind);
      List<String> paths = ours.paths(kind);
      for (int i = 0; i < local.size(); i++) {
        String name = switch (kind) {
          case SEARCH -> QueryMix.titleSearchKind(i).endsWith("with facets") ? "search, with facets" : "search, no facets";
          case SIMILAR -> "similar papers";
          case RESEARCHERS -> "researchers";
        };
        Row row = rows.computeIfAbsent(name, k -> new Row());
        LiveIndex.SearchTask<Integer> f = floor.get(i);
        long t0 = System.nanoTime();
        index.search(f);
        long t1 = System.nanoTime();
        local.get(i).run();
        long t2 = System.nanoTime();
        HttpResponse<byte[]> res = client.send(HttpRequest.newBuilder(URI.create(url + paths.get(i))).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        long t3 = System.nanoTime();
        if (res.statusCode() != 200) {
          throw new IllegalStateException(paths.get(i) + " answered " + res.statusCode());
        }
        row.floor().add(t1 - t0);
        row.inProcess().add(t2 - t1);
        row.http().add(t3 - t2);
      }
    }
    return rows;
  }

  private void print(Map<String, Row> rows) {
    out.printf("## Query latency on %s: floor, in-process, HTTP (1 client), each query all three ways back to back%n",
        indexDir.getFileName());
    out.println("| endpoint | n | floor p50 | floor p99 | in-process p50 | in-process p99 | HTTP p50 | HTTP p99 | HTTP p99 / floor p99 |");
    out.println("|---|---|---|---|---|---|---|---|---|");
    rows.forEach((name, r) -> out.printf("| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1fx |%n", name,
        r.floor().count(), r.floor().percentileMs(50), r.floor().percentileMs(99), r.inProcess().percentileMs(50),
        r.inProcess().percentileMs(99), r.http().percentileMs(50), r.http().percentileMs(99),
        r.http().percentileMs(99) / r.floor().percentileMs(99)));
    out.println("(milliseconds; the floor is a bare IndexSearcher on the same index and query texts: see BareLuceneSearcher)");
    out.println();
  }

  private void throughput(Services services, QueryMix mix, String url) throws InterruptedException {
    Benchmark ours = new Benchmark(services, mix);
    out.printf("## Over HTTP from %d clients, each endpoint alone%n", clients);
    out.println("| endpoint | requests | p50 ms | p99 ms | req/s |");
    out.println("|---|---|---|---|---|");
    for (Benchmark.Kind kind : Benchmark.Kind.values()) {
      Latencies l = ours.http(kind, url, clients, queries);
      out.printf("| %s | %d | %.2f | %.2f | %.0f |%n", kind.name().toLowerCase(), l.count(), l.percentileMs(50),
          l.percentileMs(99), l.qps());
    }
    out.println();
  }
}
