package dev.scholarsearch.bench;

import dev.scholarsearch.http.Services;
import dev.scholarsearch.rank.ExpertRanker;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.search.SearchRequest;
import dev.scholarsearch.search.SortOrder;
import dev.scholarsearch.search.YearRange;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs the query mix in-process and over HTTP, one endpoint kind at a time, and collects latencies. */
public final class Benchmark {
  /** The three kinds of question, as measured. */
  public enum Kind { SEARCH, SIMILAR, RESEARCHERS }

  private final Services services;
  private final QueryMix mix;

  public Benchmark(Services services, QueryMix mix) {
    this.services = services;
    this.mix = mix;
  }

  /** Runs every query of {@code kind} once in this thread (after a warm-up pass), timing each call. */
  public Latencies inProcess(Kind kind, int warmup) {
    List<Runnable> calls = calls(kind);
    for (int i = 0; i < Math.min(warmup, calls.size()); i++) {
      calls.get(i).run();
    }
    Latencies l = new Latencies();
    long start = System.nanoTime();
    for (Runnable c : calls) {
      long t = System.nanoTime();
      c.run();
      l.add(System.nanoTime() - t);
    }
    l.wall(System.nanoTime() - start);
    return l;
  }

  /** Runs every keyword search once in this thread, timing each kind of query apart (see {@link QueryMix#searchKind}). */
  public Map<String, Latencies> searchesByKind() {
    Map<String, Latencies> out = new java.util.TreeMap<>();
    List<String> searches = mix.searches();
    for (int i = 0; i < searches.size(); i++) {
      SearchRequest req = request(searches.get(i));
      long t = System.nanoTime();
      services.papers().search(req);
      out.computeIfAbsent(QueryMix.searchKind(i), k -> new Latencies()).add(System.nanoTime() - t);
    }
    return out;
  }

  /**
   * Each query of {@code kind} in process and then over HTTP, back to back, so both see the same
   * machine at the same moment: [in-process, HTTP]. This is what the HTTP/in-process ratio is taken
   * from; passes run minutes apart on a shared machine differ by more than HTTP costs.
   */
  public Latencies[] sideBySide(Kind kind, String baseUrl) throws Exception {
    List<Runnable> calls = calls(kind);
    List<String> paths = paths(kind);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Latencies local = new Latencies();
    Latencies remote = new Latencies();
    for (int i = 0; i < calls.size(); i++) {
      long t0 = System.nanoTime();
      calls.get(i).run();
      long t1 = System.nanoTime();
      HttpResponse<byte[]> res = client.send(HttpRequest.newBuilder(URI.create(baseUrl + paths.get(i))).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      long t2 = System.nanoTime();
      if (res.statusCode() != 200) {
        throw new IllegalStateException(kind + " request " + paths.get(i) + " answered " + res.statusCode());
      }
      local.add(t1 - t0);
      remote.add(t2 - t1);
    }
    return new Latencies[] {local, remote};
  }

  /** Runs the queries of {@code kind} over HTTP from {@code clients} threads until each has sent its share. */
  public Latencies http(Kind kind, String baseUrl, int clients, int requests) throws InterruptedException {
    List<String> paths = paths(kind);
    Latencies l = new Latencies();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      Thread t = new Thread(() -> {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int i;
        while ((i = next.getAndIncrement()) < requests) {
          HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + paths.get(i % paths.size()))).GET().build();
          long t0 = System.nanoTime();
          try {
            HttpResponse<byte[]> res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
              failures.incrementAndGet();
            }
          } catch (Exception e) {
            failures.incrementAndGet();
          }
          l.add(System.nanoTime() - t0);
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    l.wall(System.nanoTime() - start);
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " of " + requests + " " + kind + " requests failed");
    }
    return l;
  }

  List<Runnable> calls(Kind kind) {
    List<Runnable> out = new ArrayList<>();
    switch (kind) {
      case SEARCH -> mix.searches().forEach(qs -> {
        SearchRequest req = request(qs);
        out.add(() -> services.papers().search(req));
      });
      case SIMILAR -> mix.paperIds().forEach(id -> out.add(() -> services.similar().like(id, SearchFilters.NONE, 10, java.util.Optional.empty())));
      case RESEARCHERS -> mix.topics().forEach(t ->
          out.add(() -> services.experts().rank(t, SearchFilters.NONE, ExpertRanker.Scope.ALL, 10, java.util.Optional.empty())));
    }
    return out;
  }

  List<String> paths(Kind kind) {
    List<String> out = new ArrayList<>();
    switch (kind) {
      case SEARCH -> mix.searches().forEach(qs -> out.add("/api/search?" + qs));
      case SIMILAR -> mix.paperIds().forEach(id -> out.add("/api/papers/" + id + "/similar?limit=10"));
      case RESEARCHERS -> mix.topics().forEach(t -> out.add("/api/researchers?limit=10&topic=" + QueryMix.enc(t)));
    }
    return out;
  }

  /** The same SearchRequest the HTTP controller builds from this query string. */
  public static SearchRequest request(String queryString) {
    Map<String, String> p = new LinkedHashMap<>();
    for (String kv : queryString.split("&")) {
      int eq = kv.indexOf('=');
      p.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
    }
    SearchFilters filters = new SearchFilters(List.of(), p.containsKey("category") ? List.of(p.get("category")) : List.of(),
        List.of(), List.of(), p.containsKey("year") ? YearRange.parse(p.get("year")) : YearRange.ANY, false);
    return new SearchRequest(p.getOrDefault("q", ""), filters, SortOrder.RELEVANCE, 0, 10, false, false,
        Integer.parseInt(p.getOrDefault("facetLimit", "10")), SearchMode.parse(p.get("mode")));
  }

  /** Heap in use after a full collection, in MiB. */
  public static double heapMiB(Consumer<String> log) {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    double used = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
    log.accept(String.format("heap in use after GC: %.0f MiB", used));
    return used;
  }
}
