package dev.scholarsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scholarsearch.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same data reads the same way in every response: one category code per category, a missing
 * year as null, and authors as {name, id, href} wherever a paper appears. Over the seed pages
 * (which write "LG") and a JSONL file in arXiv's spellings ("cs.LG", "cs.lg"), one paper undated.
 */
class ResponseShapeTest {
  @TempDir
  static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws IOException {
    api = new ApiFixture(dir.resolve("idx"), List.of(TestData.seeds(), Path.of("src/test/resources/consistency")),
        Duration.ofMillis(200));
  }

  @AfterAll
  static void stop() throws IOException {
    api.close();
  }

  static List<String> values(JsonNode facet) {
    List<String> out = new ArrayList<>();
    facet.forEach(v -> out.add(v.get("value").asText()));
    return out;
  }

  static List<String> ids(JsonNode hits) {
    List<String> out = new ArrayList<>();
    hits.forEach(h -> out.add(h.get("id").asText()));
    return out;
  }

  @Test
  void everySpellingOfACategoryIsOneFacetValueAndFiltersTheSamePapers() {
    JsonNode all = api.get("/api/search?limit=100&facetLimit=100").json();
    List<String> categories = values(all.path("facets").path("category"));
    assertTrue(categories.contains("cs.LG"), categories.toString());
    assertTrue(categories.contains("stat.ML"), "another archive's code is kept: " + categories);
    assertTrue(categories.stream().noneMatch(c -> c.equals("LG") || c.equals("cs.lg")), categories.toString());

    JsonNode bare = api.get("/api/search?category=LG&limit=100").json();
    JsonNode whole = api.get("/api/search?category=cs.LG&limit=100").json();
    JsonNode lower = api.get("/api/search?category=cs.lg&limit=100").json();
    assertEquals(ids(whole.get("hits")), ids(bare.get("hits")));
    assertEquals(ids(whole.get("hits")), ids(lower.get("hits")));
    List<String> hits = ids(whole.get("hits"));
    assertTrue(hits.contains("cons-1") && hits.contains("cons-2"), "both JSONL papers: " + hits);
    assertTrue(hits.size() > 2, "and the seed pages' LG papers: " + hits);
    assertEquals(List.of("cs.LG"), list(api.get("/api/papers/cons-2").json().get("categories")),
        "cs.lg and LG on one paper are one category");
  }

  @Test
  void aMissingYearAndDateAreNull() {
    JsonNode paper = api.get("/api/papers/cons-2").json();
    assertTrue(paper.has("year") && paper.get("year").isNull(), paper.toString());
    assertTrue(paper.has("date") && paper.get("date").isNull(), paper.toString());
    JsonNode hit = api.get("/api/search?q=clipping+gradients&limit=1").json().get("hits").get(0);
    assertEquals("cons-2", hit.get("id").asText());
    assertTrue(hit.get("year").isNull(), hit.toString());
    JsonNode similar = api.get("/api/papers/cons-1/similar?limit=10").json().get("hits");
    JsonNode undated = null;
    for (JsonNode h : similar) {
      if (h.get("id").asText().equals("cons-2")) {
        undated = h;
      }
    }
    assertTrue(undated != null && undated.get("year").isNull(), similar.toString());
    assertEquals(2024, api.get("/api/papers/cons-1").json().get("year").asInt(), "a known year is a number");
  }

  @Test
  void authorsHaveOneShapeWhereverAPaperAppears() {
    JsonNode fromPaper = api.get("/api/papers/cons-1").json().get("authors");
    JsonNode fromSearch = api.get("/api/search?q=spectral+pruning&limit=1").json().get("hits").get(0).get("authors");
    JsonNode fromSimilar = null;
    for (JsonNode h : api.get("/api/papers/cons-2/similar?limit=10").json().get("hits")) {
      if (h.get("id").asText().equals("cons-1")) {
        fromSimilar = h.get("authors");
      }
    }
    String okafor = fromPaper.get(0).get("id").asText();
    JsonNode fromResearcher = null;
    for (JsonNode p : api.get("/api/researchers/" + okafor).json().get("papers")) {
      if (p.get("id").asText().equals("cons-1")) {
        fromResearcher = p.get("authors");
      }
    }
    assertEquals(2, fromPaper.size());
    assertEquals("Mira Okafor", fromPaper.get(0).get("name").asText());
    assertEquals("/api/researchers/" + okafor, fromPaper.get(0).get("href").asText());
    assertEquals(fromPaper, fromSearch, "search hit");
    assertEquals(fromPaper, fromSimilar, "similar hit");
    assertEquals(fromPaper, fromResearcher, "a researcher's paper list");
  }

  static List<String> list(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }
}
