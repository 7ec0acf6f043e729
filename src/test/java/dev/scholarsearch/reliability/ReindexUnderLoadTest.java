package dev.scholarsearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scholarsearch.TestData;
import dev.scholarsearch.http.ApiFixture;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import dev.scholarsearch.model.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients query every endpoint while the index under the server is rebuilt again and again: no
 * request fails, every answer comes from one complete index (42 or 43 papers, never a mix), and no
 * file handle leaks.
 */
class ReindexUnderLoadTest {
  private static long openFiles() throws Exception {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  @Test
  void rebuildsUnderLoadLoseNoRequestAndNeverMixIndexes(@TempDir Path dir) throws Exception {
    Path extra = dir.resolve("extra.jsonl");
    Files.writeString(extra, "{\"id\":\"q-1\",\"title\":\"Quantum annealing for scheduling\",\"authors\":[\"Siqi Zhu\"]}\n");
    Corpus small = new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(List.of(TestData.seeds())).corpus();
    Corpus big = new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(List.of(TestData.seeds(), extra)).corpus();
    try (ApiFixture api = new ApiFixture(dir.resolve("idx"), List.of(TestData.seeds()), Duration.ofMillis(50))) {
      api.get("/api/health");
      long filesBefore = openFiles();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger requests = new AtomicInteger();
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      String[] paths = {"/api/health", "/api/search?q=learning&facetLimit=100", "/api/search?q=quantum",
        "/api/researchers?topic=reinforcement+learning", "/api/papers/p-42e34a2bb8bb", "/api/papers/p-42e34a2bb8bb/similar",
        "/api/researchers/siqi-zhu", "/api/suggest?q=qua"};
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int offset = c;
        Thread t = new Thread(() -> {
          int i = offset;
          while (!stop.get()) {
            String path = paths[i++ % paths.length];
            ApiFixture.Response r = api.get(path);
            requests.incrementAndGet();
            if (r.status() != 200) {
              problems.add(path + " -> " + r.status() + " " + r.json());
              continue;
            }
            JsonNode j = r.json();
            if (path.equals("/api/health") && !Set.of(42, 43).contains(j.get("papers").asInt())) {
              problems.add("health saw " + j.get("papers"));
            }
            if (path.startsWith("/api/search?q=learning")) {
              int years = 0;
              for (JsonNode v : j.get("facets").get("year")) {
                years += v.get("count").asInt();
              }
              if (years != j.get("total").asInt()) {
                problems.add("facets and total from different indexes: " + years + " vs " + j.get("total"));
              }
            }
          }
        });
        clients.add(t);
        t.start();
      }
      for (int round = 0; round < 6; round++) {
        Thread.sleep(300);
        Indexer.write(api.dir, round % 2 == 0 ? big : small, List.of(), "round-" + round, s -> {});
      }
      Thread.sleep(500);
      stop.set(true);
      for (Thread t : clients) {
        t.join();
      }
      assertEquals(List.of(), List.copyOf(problems), requests.get() + " requests");
      assertTrue(requests.get() > 100, "the clients really ran: " + requests.get());
      assertEquals(42, api.get("/api/health").json().get("papers").asInt(), "the last rebuild (small) is served");
      Thread.sleep(300); // let released readers close their files
      long filesAfter = openFiles();
      assertTrue(filesAfter <= filesBefore + 10, "open files " + filesBefore + " -> " + filesAfter);
    }
  }
}
