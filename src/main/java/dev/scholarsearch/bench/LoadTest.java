package dev.scholarsearch.bench;

import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.index.LiveIndex;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * A bounded load test on loopback: clients send a mix of every endpoint for a fixed time, each
 * request's latency is kept per endpoint, and anything but a 2xx counts as an error.
 */
public final class LoadTest {
  /** One request of the mix. */
  public record Call(String endpoint, HttpRequest request) {}

  /** What one run gave: per endpoint latencies, error counts and the statuses of the errors (-1: no answer). */
  public record Outcome(Map<String, Latencies> latencies, Map<String, AtomicLong> errors,
      Map<String, java.util.Set<Integer>> errorStatuses, long seconds) {}

  private final List<Call> calls;

  private LoadTest(List<Call> calls) {
    this.calls = calls;
  }

  /** A deterministic mix built from papers sampled in the index. */
  public static LoadTest over(LiveIndex index, String baseUrl, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    // Choosing the mix is the harness's work, not a request: on a cold JVM reading 400 random
    // records took longer than a request's time budget once, and the whole run stopped.
    List<Paper> sample = index.withoutBudget(s -> {
      List<Paper> out = new ArrayList<>();
      int max = s.getIndexReader().maxDoc();
      for (int i = 0; i < 400 && out.size() < 200; i++) {
        int doc = r.nextInt(max);
        String json = s.storedFields().document(doc).get(Fields.RECORD);
        if (json != null && json.contains("\"abstractText\"")) {
          out.add(RecordJson.paper(json));
        }
      }
      if (out.isEmpty()) {
        for (ScoreDoc sd : s.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_PAPER)), 50).scoreDocs) {
          out.add(RecordJson.paper(s.storedFields().document(sd.doc).get(Fields.RECORD)));
        }
      }
      return out;
    });
    List<Call> calls = new ArrayList<>();
    for (Paper p : sample) {
      String[] words = p.title().split("\\W+");
      String w1 = longest(words, 0);
      String w2 = longest(words, 1);
      String author = p.authors().isEmpty() ? "" : p.authors().get(0).researcherId();
      String cat = p.categories().isEmpty() ? "" : "&category=" + enc(p.categories().get(0));
      calls.add(get("search", baseUrl + "/api/search?q=" + enc(w1 + " " + w2)));
      calls.add(get("search", baseUrl + "/api/search?q=" + enc(w1) + cat + "&year=2000-&sort=-date"));
      calls.add(get("paper", baseUrl + "/api/papers/" + enc(p.id())));
      calls.add(get("similar", baseUrl + "/api/papers/" + enc(p.id()) + "/similar?limit=10"));
      calls.add(new Call("similar-text", HttpRequest.newBuilder(URI.create(baseUrl + "/api/similar"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + p.title().replace("\\", " ").replace("\"", " ") + "\"}"))
          .build()));
      calls.add(get("researchers", baseUrl + "/api/researchers?topic=" + enc(w1 + " " + w2)));
      if (!author.isEmpty()) {
        calls.add(get("researcher", baseUrl + "/api/researchers/" + enc(author)));
      }
      calls.add(get("suggest", baseUrl + "/api/suggest?q=" + enc(w1.length() > 3 ? w1.substring(0, 3) : w1 + "a")));
      calls.add(get("health", baseUrl + "/api/health"));
    }
    return new LoadTest(calls);
  }

  /** The mix, in the order the clients walk it. */
  public List<Call> calls() {
    return calls;
  }

  private static String longest(String[] words, int rank) {
    List<String> sorted = new ArrayList<>(List.of(words));
    sorted.removeIf(w -> w.length() < 3);
    sorted.sort((a, b) -> b.length() - a.length());
    return sorted.isEmpty() ? "paper" : sorted.get(Math.min(rank, sorted.size() - 1));
  }

  private static Call get(String endpoint, String url) {
    return new Call(endpoint, HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Runs {@code clients} threads for {@code seconds}; each walks the mix from its own offset. */
  public Outcome run(int clients, long seconds) throws InterruptedException {
    Map<String, Latencies> lat = new LinkedHashMap<>();
    Map<String, AtomicLong> errors = new LinkedHashMap<>();
    Map<String, java.util.Set<Integer>> statuses = new LinkedHashMap<>();
    for (Call c : calls) {
      statuses.computeIfAbsent(c.endpoint(), k -> new java.util.concurrent.ConcurrentSkipListSet<>());
      lat.computeIfAbsent(c.endpoint(), k -> new Latencies());
      errors.computeIfAbsent(c.endpoint(), k -> new AtomicLong());
    }
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      int start = t * 7;
      Thread th = new Thread(() -> {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int i = start;
        while (System.nanoTime() < deadline) {
          Call c = calls.get(i++ % calls.size());
          long t0 = System.nanoTime();
          try {
            HttpResponse<Void> res = client.send(c.request(), HttpResponse.BodyHandlers.discarding());
            if (res.statusCode() / 100 != 2) {
              errors.get(c.endpoint()).incrementAndGet();
              statuses.get(c.endpoint()).add(res.statusCode());
            }
          } catch (Exception e) {
            errors.get(c.endpoint()).incrementAndGet();
            statuses.get(c.endpoint()).add(-1);
          }
          lat.get(c.endpoint()).add(System.nanoTime() - t0);
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    lat.values().forEach(l -> l.wall(seconds * 1_000_000_000L));
    return new Outcome(lat, errors, statuses, seconds);
  }
}
