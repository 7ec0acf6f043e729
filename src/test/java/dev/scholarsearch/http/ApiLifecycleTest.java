package dev.scholarsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scholarsearch.TestData;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiLifecycleTest {
  @Test
  void openApiDescribesExactlyTheRoutesTheRouterServes(@TempDir Path dir) throws Exception {
    JsonNode spec;
    try (InputStream in = ApiLifecycleTest.class.getResourceAsStream("/openapi.json")) {
      spec = new ObjectMapper().readTree(in);
    }
    assertTrue(spec.get("openapi").asText().startsWith("3."));
    Map<String, String> documented = new java.util.TreeMap<>();
    for (var e : spec.get("paths").properties()) {
      e.getValue().properties().forEach(op -> documented.put(op.getKey().toUpperCase(Locale.ROOT) + " " + e.getKey(),
          op.getValue().path("operationId").asText() + ": " + op.getValue().path("summary").asText()));
    }
    Map<String, String> declared = new java.util.TreeMap<>();
    ApiRoutes.ALL.forEach(r -> declared.put(r.method().name() + " " + r.path(), r.operationId() + ": " + r.summary()));
    assertEquals(declared, documented, "openapi.json describes each declared route, with its id and summary");
    try (ApiFixture api = ApiFixture.seeds(dir.resolve("idx"))) {
      Set<String> routed = new java.util.TreeSet<>();
      api.app.unsafe.internalRouter.allHttpHandlers().forEach(e -> routed.add(e.endpoint.method.name() + " "
          + e.endpoint.path));
      // Before-handlers (security headers, escape checks) are filters, not routes.
      routed.removeIf(r -> !r.contains(" /api/") || r.startsWith("BEFORE") || r.startsWith("AFTER"));
      assertEquals(documented.keySet(), routed, "the router serves what is documented, and nothing else under /api");
    }
  }

  @Test
  void serverPicksUpARebuildWithoutRestart(@TempDir Path dir) throws Exception {
    try (ApiFixture api = ApiFixture.seeds(dir.resolve("idx"))) {
      assertEquals(42, api.get("/api/health").json().get("papers").asInt());
      Path extra = dir.resolve("extra.jsonl");
      Files.writeString(extra, "{\"id\":\"q-1\",\"title\":\"Quantum annealing for scheduling\"}\n");
      var corpus = new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(List.of(TestData.seeds(), extra)).corpus();
      Indexer.write(api.dir, corpus, List.of(), "rebuilt", s -> {});
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      int papers = 42;
      while (papers == 42 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        papers = api.get("/api/health").json().get("papers").asInt();
      }
      assertEquals(43, papers);
      assertEquals(1, api.get("/api/search?q=quantum").json().get("total").asInt());
    }
  }

  @Test
  void corpusTextIsEscapedAndOnlyMarkIsMarkup(@TempDir Path dir) throws Exception {
    Path pages = dir.resolve("pages");
    Files.createDirectories(pages);
    Files.writeString(pages.resolve("evil.txt"), "Researcher profile\n\nMallory <b>Evil</b>\n\nTagline.\n\n"
        + "Trust 1 - NewVerification L0Unclaimed author\n1works\n0followers\n0topics\n0close collaborators\n\n"
        + "Published work\n\n1 published item(s)\n\npreprint2025arXiv\n\n<script>alert(1)</script> Injection study\n\n"
        + "We study injection <img src=x onerror=alert(2)> attacks & defences in search engines.\n");
    try (ApiFixture api = new ApiFixture(dir.resolve("idx"), List.of(pages), Duration.ofSeconds(5))) {
      ApiFixture.Response r = api.get("/api/search?q=injection");
      String body = r.raw().body();
      JsonNode hit = r.json().get("hits").get(0);
      String snippet = hit.get("snippet").asText();
      assertFalse(snippet.contains("<img"), snippet);
      assertTrue(snippet.contains("&lt;img src=x onerror=alert(2)&gt;"), snippet);
      assertTrue(snippet.contains("<mark>injection</mark>"), snippet);
      assertTrue(snippet.contains("&amp; defences"), snippet);
      assertEquals("<script>alert(1)</script> Injection study", hit.get("title").asText(),
          "titles are data in JSON; the page inserts them as text, never as HTML");
      assertEquals("application/json", r.raw().headers().firstValue("Content-Type").orElse("").split(";")[0]);
      assertFalse(body.isEmpty());
    }
  }

  @Test
  void corsIsOffByDefaultAndOnForNamedOrigins(@TempDir Path dir) throws Exception {
    try (ApiFixture api = ApiFixture.seeds(dir.resolve("idx"))) {
      var r = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/health")).header("Origin", "http://example.org").build());
      assertTrue(r.raw().headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "off by default");
    }
    var index = dev.scholarsearch.index.LiveIndex.open(dir.resolve("idx"), Duration.ofHours(1));
    var app = AppFactory.create(Services.over(index, new dev.scholarsearch.search.Suggester(index)),
        new ServerOptions(List.of("http://example.org"), 65536, false)).start("127.0.0.1", 0);
    try {
      var client = java.net.http.HttpClient.newHttpClient();
      var res = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/health"))
          .header("Origin", "http://example.org").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals("http://example.org", res.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    } finally {
      app.stop();
      index.close();
    }
  }

  @Test
  void accentsFoldInTextNamesAndSuggestions(@TempDir Path dir) throws Exception {
    Path pages = dir.resolve("pages");
    Files.createDirectories(pages);
    Files.writeString(pages.resolve("jose.txt"), "Researcher profile\n\nJosé Núñez\n\nTagline.\n\n"
        + "Trust 1 - NewVerification L0Unclaimed author\n1works\n0followers\n0topics\n0close collaborators\n\n"
        + "Published work\n\n1 published item(s)\n\npreprint2025arXiv\n\nA naïve Bayes café recommender\n\n"
        + "We revisit naïve Bayes for café recommendations.\n");
    try (ApiFixture api = new ApiFixture(dir.resolve("idx"), List.of(pages), Duration.ofSeconds(5))) {
      assertEquals(1, api.get("/api/search?q=naive+cafe").json().get("total").asInt());
      assertEquals(1, api.get("/api/search?q=author:nunez").json().get("total").asInt());
      JsonNode s = api.get("/api/suggest?q=nun").json().get("suggestions");
      assertEquals("José Núñez", s.get(0).get("text").asText());
      assertEquals("jose-nunez", s.get(0).get("id").asText());
    }
  }
}
