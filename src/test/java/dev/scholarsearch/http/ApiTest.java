package dev.scholarsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over the seed pages, through real HTTP requests; every expectation is checked against the pages. */
class ApiTest {
  @TempDir
  static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws IOException {
    api = ApiFixture.seeds(dir.resolve("idx"));
  }

  @AfterAll
  static void stop() throws IOException {
    api.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static Set<String> titles(JsonNode hits) {
    Set<String> out = new TreeSet<>();
    hits.forEach(h -> out.add(h.get("title").asText()));
    return out;
  }

  @Test
  void phraseQueryFindsExactlyThePapersWithThePhrase() {
    // "stochastic gradient" occurs in three of Ruqi Zhang's papers (grep -i over seeds/), nowhere else.
    ApiFixture.Response r = api.get("/api/search?q=" + enc("\"stochastic gradient\""));
    assertEquals(200, r.status());
    assertEquals(3, r.json().get("total").asInt());
    assertEquals(Set.of("AMAGOLD: Amortized Metropolis Adjustment for Efficient Stochastic Gradient MCMC",
        "Cyclical Stochastic Gradient MCMC for Bayesian Deep Learning",
        "Low-Precision Stochastic Gradient Langevin Dynamics"), titles(r.json().get("hits")));
    for (JsonNode h : r.json().get("hits")) {
      assertTrue(h.get("snippet").asText().toLowerCase().contains("<mark>stochastic gradient</mark>"), h.toString());
    }
  }

  @Test
  void aStarTouchingNoWordIsPunctuationNotAWildcard() {
    // Pasted prose ("operators like *, +") searches its words; only a real short prefix is refused.
    JsonNode prose = api.get("/api/search?q=" + enc("gradient methods like *, + and * alone")).json();
    JsonNode words = api.get("/api/search?q=" + enc("gradient methods like , + and  alone")).json();
    assertTrue(prose.get("total").asInt() > 0, prose.toString());
    assertEquals(titles(words.get("hits")), titles(prose.get("hits")));
    ApiFixture.Response stars = api.get("/api/search?q=" + enc("* **"));
    assertEquals(400, stars.status());
    assertTrue(stars.json().toString().contains("only '*'"), stars.json().toString());
    assertEquals(400, api.get("/api/search?q=" + enc("gradient g*")).status());
  }

  @Test
  void categoryFilterCountsAndFacetsThatAddUp() {
    // LG items: five on Siqi Zhu's layout-B page and five on Lizhu Zhang's.
    JsonNode lg = api.get("/api/search?category=LG&facetLimit=100").json();
    assertEquals(10, lg.get("total").asInt());
    int years = 0;
    for (JsonNode v : lg.get("facets").get("year")) {
      years += v.get("count").asInt();
    }
    assertEquals(10, years, "every LG paper has a year");
    // DrillSideways: the category facet is not shrunk by the category filter itself.
    JsonNode cats = lg.get("facets").get("category");
    assertEquals("cs.LG", cats.get(0).get("value").asText());
    assertEquals(10, cats.get(0).get("count").asInt());
    assertEquals("cs.CL", cats.get(1).get("value").asText());
    assertEquals(9, cats.get(1).get("count").asInt());

    JsonNode all = api.get("/api/search?facetLimit=100").json();
    assertEquals(42, all.get("total").asInt());
    int categorised = 0;
    for (JsonNode v : all.get("facets").get("category")) {
      categorised += v.get("count").asInt();
    }
    assertEquals(32, categorised, "the 32 layout-B papers carry one category each; layout-A-only papers none");
    int sumYears = 0;
    for (JsonNode v : all.get("facets").get("year")) {
      sumYears += v.get("count").asInt();
    }
    assertEquals(42, sumYears);

    JsonNode twoCats = api.get("/api/search?category=LG&category=CV").json();
    assertEquals(13, twoCats.get("total").asInt(), "the same filter twice is OR: 10 LG + 3 CV");
    JsonNode lgAnd2026 = api.get("/api/search?category=LG&year=2026").json();
    assertEquals(5, lgAnd2026.get("total").asInt(), "LG papers dated 2026: Federated, SRT, Probing, OmniOPD, EBPO");
  }

  @Test
  void filtersCodeFlagAndAuthor() {
    JsonNode code = api.get("/api/search?hasCode=true").json();
    // 'Code' flags: LongWriter, Efficient LLM Scheduling, Certaindex, GTAlign (Siqi Zhu); PerSRec, S'MoRE (Lizhu Zhang).
    assertEquals(6, code.get("total").asInt());
    JsonNode ruqi = api.get("/api/search?author=" + enc("Ruqi Zhang")).json();
    assertEquals(8, ruqi.get("total").asInt());
    JsonNode fielded = api.get("/api/search?q=" + enc("author:kaggie")).json();
    assertEquals(1, fielded.get("total").asInt());
    assertEquals("Federated Learning and Class Imbalances", fielded.get("hits").get(0).get("title").asText());
  }

  @Test
  void exactSearchDoesNotStem() {
    // Six papers say "rollout" or "rollouts"; only the Synthetic Sandbox paper says "rollout" alone.
    assertEquals(6, api.get("/api/search?q=rollouts").json().get("total").asInt());
    JsonNode exact = api.get("/api/search?q=rollouts&exact=true").json();
    assertEquals(5, exact.get("total").asInt());
    assertFalse(titles(exact.get("hits")).contains("Synthetic Sandbox for Training Machine Learning Engineering Agents"));
  }

  @Test
  void sortingAndPaging() {
    JsonNode newest = api.get("/api/search?sort=-date&limit=1").json();
    assertEquals("Agents' Last Exam", newest.get("hits").get(0).get("title").asText(), "Jun 3 (2026) is the latest date");
    JsonNode oldest = api.get("/api/search?sort=date&limit=3").json();
    assertEquals(2020, oldest.get("hits").get(0).get("year").asInt());
    List<String> pageIds = new ArrayList<>();
    for (int offset = 0; offset < 42; offset += 10) {
      api.get("/api/search?sort=date&offset=" + offset).json().get("hits").forEach(h -> pageIds.add(h.get("id").asText()));
    }
    assertEquals(42, pageIds.size());
    assertEquals(42, new HashSet<>(pageIds).size(), "pages neither overlap nor skip");
  }

  @Test
  void explainAddsTheScoreExplanation() {
    JsonNode h = api.get("/api/search?q=entropy&explain=true&limit=1").json().get("hits").get(0);
    assertTrue(h.get("explanation").asText().contains("weight("), h.toString());
    assertFalse(api.get("/api/search?q=entropy&limit=1").json().get("hits").get(0).has("explanation"));
  }

  @Test
  void paperHasEverythingAndLinksAuthors() {
    JsonNode fl = api.get("/api/search?q=" + enc("\"class imbalances\"")).json().get("hits").get(0);
    JsonNode p = api.get("/api/papers/" + fl.get("id").asText()).json();
    assertEquals("Federated Learning and Class Imbalances", p.get("title").asText());
    assertEquals("siqi-zhu", p.get("authors").get(0).get("id").asText());
    assertEquals("/api/researchers/siqi-zhu", p.get("authors").get(0).get("href").asText());
    assertEquals("Joshua D. Kaggie", p.get("authors").get(1).get("name").asText());
    assertEquals(2, p.get("sources").size());
    // Both of Siqi Zhu's pages list it; each source says so in words, with the machine form beside.
    List<String> labels = new ArrayList<>();
    p.get("sources").forEach(src -> labels.add(src.get("label").asText() + " | " + src.get("ref").asText() + " | "
        + src.get("researcher").get("id").asText()));
    assertEquals(List.of("Siqi Zhu's profile page (trust-score layout), item 2 | 000_338b29866162c2a4.txt#2 | siqi-zhu",
        "Siqi Zhu's profile page (metrics layout), item 5 | 001_3dd05b5ade0d2464.txt#5 | siqi-zhu"), labels);
    assertEquals("2026-01-09", p.get("date").asText());
    assertTrue(p.get("rawAbstract").asText().startsWith("Federated Learning (FL) enables"));

    JsonNode who = api.get("/api/search?q=" + enc("compute anchored wages")).json().get("hits").get(0);
    JsonNode whoPaper = api.get("/api/papers/" + who.get("id").asText()).json();
    assertEquals(1, whoPaper.get("versions").size());
    assertTrue(whoPaper.get("rawAbstract").asText().contains("\\emph{"));
    assertFalse(whoPaper.get("abstractText").asText().contains("\\emph{"));
  }

  /**
   * A similar paper's "why" names content words only. Over the similar lists of every seed paper:
   * the filler words a user saw there before ("keep, exploits, during, per", and "our", "from",
   * "which", "both", "can", "its") never appear, and most hits still name three words or more.
   */
  @Test
  void similarPapersGiveContentWordsAsTheirReason() {
    Set<String> filler = Set.of("keep", "exploits", "during", "per", "our", "from", "which", "both", "can", "its", "we");
    List<String> seen = new ArrayList<>();
    int withThree = 0;
    int hits = 0;
    for (JsonNode p : api.get("/api/search?limit=100").json().get("hits")) {
      for (JsonNode h : api.get("/api/papers/" + p.get("id").asText() + "/similar?limit=10").json().get("hits")) {
        hits++;
        h.get("sharedTerms").forEach(t -> {
          if (filler.contains(t.asText())) {
            seen.add(t.asText() + " (" + h.get("reason").asText() + ")");
          }
        });
        withThree += h.get("sharedTerms").size() >= 3 ? 1 : 0;
      }
    }
    assertEquals(List.of(), seen);
    assertTrue(hits >= 400 && withThree > hits / 2, withThree + " of " + hits + " hits name three words or more");
  }

  @Test
  void similarPapersExcludeThePaperItselfAndSayWhy() {
    String srt = api.get("/api/search?q=" + enc("title:\"speculative rollout\"")).json().get("hits").get(0).get("id").asText();
    JsonNode r = api.get("/api/papers/" + srt + "/similar?limit=10").json();
    assertEquals(srt, r.get("paperId").asText());
    assertEquals(10, r.get("hits").size());
    int withVenue = 0;
    for (JsonNode h : r.get("hits")) {
      assertFalse(h.get("id").asText().equals(srt));
      assertFalse(h.get("reason").asText().isEmpty());
      String venue = api.get("/api/papers/" + h.get("id").asText()).json().path("venue").asText();
      assertEquals(venue, h.path("venue").asText(), "a similar paper's venue is the paper's: " + h);
      withVenue += venue.isEmpty() ? 0 : 1;
    }
    assertTrue(withVenue > 0, "the seed papers have venues: " + r);
    assertTrue(r.get("hits").get(0).get("sharedTerms").size() > 0);

    JsonNode filtered = api.get("/api/papers/" + srt + "/similar?category=CL").json();
    filtered.get("hits").forEach(h -> assertEquals("cs.CL", h.get("categories").get(0).asText()));

    JsonNode text = api.post("/api/similar", "{\"text\":\"Markov chain Monte Carlo with stochastic gradients for "
        + "Bayesian neural networks\",\"limit\":3}").json();
    assertEquals(3, text.get("hits").size());
    assertTrue(Set.of("AMAGOLD: Amortized Metropolis Adjustment for Efficient Stochastic Gradient MCMC",
        "Cyclical Stochastic Gradient MCMC for Bayesian Deep Learning").contains(text.get("hits").get(0).get("title").asText()));
    // The limit may come in the query string, as on the GET endpoints; twice only if the same.
    String mcmc = "{\"text\":\"Markov chain Monte Carlo with stochastic gradients\"}";
    assertEquals(4, api.post("/api/similar?limit=4", mcmc).json().get("hits").size());
    assertEquals(2, api.post("/api/similar?limit=2", "{\"text\":\"Markov chain Monte Carlo\",\"limit\":2}").json()
        .get("hits").size());
    ApiFixture.Response both = api.post("/api/similar?limit=2", "{\"text\":\"Markov chain Monte Carlo\",\"limit\":3}");
    assertEquals(400, both.status(), both.json().toString());
    assertTrue(both.json().path("message").asText().contains("limit is 2 in the query and 3 in the body"),
        both.json().toString());
  }

  @Test
  void topResearcherForAnObviousTopic() {
    // Ruqi Zhang's page is the only one with stochastic-gradient MCMC papers (AMAGOLD, Cyclical SG-MCMC, SGLD).
    JsonNode r = api.get("/api/researchers?topic=" + enc("stochastic gradient MCMC") + "&limit=3").json();
    JsonNode top = r.get("hits").get(0);
    assertEquals("ruqi-zhang", top.get("id").asText());
    assertTrue(top.get("hasProfile").asBoolean());
    assertEquals(8, top.get("paperCount").asInt());
    assertTrue(top.get("evidence").get(0).get("title").asText().contains("Stochastic Gradient"));
    JsonNode profiles = api.get("/api/researchers?topic=" + enc("table understanding") + "&scope=profiles").json();
    profiles.get("hits").forEach(h -> assertTrue(h.get("hasProfile").asBoolean()));
    assertEquals("lizhu-zhang", profiles.get("hits").get(0).get("id").asText());
  }

  @Test
  void researcherProfile() {
    JsonNode p = api.get("/api/researchers/siqi-zhu").json();
    assertEquals("Siqi Zhu", p.get("name").asText());
    assertEquals(2, p.get("profiles").size());
    assertEquals(25, p.get("profiles").get(1).get("stats").get("hIndex").asInt());
    assertEquals(15, p.get("papers").size());
    assertEquals("Agents' Last Exam", p.get("papers").get(0).get("title").asText(), "newest first: Jun 3 2026");
    assertEquals("The Many Faces of On-Policy Distillation: Pitfalls, Mechanisms, and Fixes",
        p.get("papers").get(1).get("title").asText(), "then May 11 2026");
    assertEquals("yichao-fu", p.get("coauthors").get(0).get("id").asText(), "Yichao Fu shares two papers");
    assertEquals(2, p.get("coauthors").get(0).get("sharedPapers").asInt());
    assertEquals("cs.AI", p.get("topCategories").get(0).get("value").asText());
    assertTrue(p.get("terms").size() > 5);
    JsonNode yuhang = api.get("/api/researchers/yuhang-zhou").json();
    assertFalse(yuhang.get("hasProfile").asBoolean());
    assertEquals(7, yuhang.get("paperCount").asInt());
  }

  @Test
  void suggestions() {
    JsonNode s = api.get("/api/suggest?q=siq").json().get("suggestions");
    assertEquals("Siqi Zhu", s.get(0).get("text").asText());
    assertEquals("researcher", s.get(0).get("kind").asText());
    assertEquals("siqi-zhu", s.get(0).get("id").asText());
    JsonNode t = api.get("/api/suggest?q=longwr").json().get("suggestions");
    assertEquals("paper", t.get(0).get("kind").asText());
    assertTrue(t.get(0).get("text").asText().startsWith("LongWriter"));
    assertTrue(api.get("/api/suggest?q=l").json().get("suggestions").size() <= 10);
  }

  @Test
  void healthAndHeaders() {
    ApiFixture.Response r = api.get("/api/health");
    assertEquals("ok", r.json().get("status").asText());
    assertEquals(42, r.json().get("papers").asInt());
    assertEquals(57, r.json().get("researchers").asInt());
    assertEquals(4, r.json().get("researchersWithProfiles").asInt());
    assertNotNull(r.json().get("builtAt"));
    assertEquals("nosniff", r.raw().headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-referrer", r.raw().headers().firstValue("Referrer-Policy").orElse(""));
    assertTrue(r.raw().headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
  }

  @Test
  void everyBadRequestIsAJson400Or404() {
    String[][] cases = {
      {"/api/search?limit=0", "400", "limit must be between 1 and 100, got 0"},
      {"/api/search?limit=101", "400", "limit must be between 1 and 100, got 101"},
      {"/api/search?limit=abc", "400", "limit must be a whole number, got 'abc'"},
      {"/api/search?offset=-1", "400", "offset must be 0 or more, got -1"},
      {"/api/search?offset=9995&limit=10", "400", "offset+limit must be at most 10000, got 10005"},
      {"/api/search?sort=title", "400", "sort must be one of relevance, date, -date"},
      {"/api/search?year=20x4", "400", "year must be YYYY"},
      {"/api/search?year=2024-2020", "400", "is empty"},
      {"/api/search?exact=maybe", "400", "exact must be true or false"},
      {"/api/search?facetLimit=1000", "400", "facetLimit must be between 0 and 100"},
      {"/api/search?bogus=1", "400", "unknown parameter 'bogus'"},
      {"/api/search?q=" + "a".repeat(1001), "400", "q must be at most 1000 characters, got 1001"},
      {"/api/search?q=" + enc("*ing"), "400", "leading wildcards"},
      {"/api/search?q=" + enc("a*"), "400", "at least 2 characters before '*'"},
      {"/api/search?q=x&q=y", "400", "q may be given once"},
      {"/api/papers/does-not-exist", "404", "no paper with id 'does-not-exist'"},
      {"/api/papers/does-not-exist/similar", "404", "no paper with id"},
      {"/api/researchers/nobody", "404", "no researcher with id 'nobody'"},
      {"/api/researchers", "400", "topic must not be empty"},
      {"/api/researchers?topic=x&scope=everyone", "400", "scope must be all or profiles"},
      {"/api/researchers?topic=x&limit=0", "400", "limit must be between 1 and 100"},
      {"/api/suggest", "400", "q must not be empty"},
      {"/api/suggest?q=ab&limit=11", "400", "limit must be between 1 and 10"},
      {"/api/no-such-endpoint", "404", "/api/no-such-endpoint"},
      {"/api/search?q=widget%zz", "400", "malformed percent-escape"},
      {"/api/search?limit=99999999999999", "400", "limit is out of range"},
      {"/api/health?x=1", "400", "this endpoint takes no parameters"},
      {"/api/papers/..%2F..%2Fetc%2Fpasswd", "404", "no paper with id '../../etc/passwd'"},
      {"/api/papers/%ZZ", "400", "Bad Request"},
      {"/api/similar", "405", "use POST"},
    };
    for (String[] c : cases) {
      ApiFixture.Response r = c[0].contains("%z") || c[0].contains("%Z") ? api.rawGet(c[0]) : api.get(c[0]);
      assertEquals(Integer.parseInt(c[1]), r.status(), c[0]);
      assertNotNull(r.json(), c[0] + " must answer JSON");
      assertTrue(r.json().get("message").asText().contains(c[2]), c[0] + " -> " + r.json());
      assertFalse(r.json().get("error").asText().isEmpty());
    }
  }

  /** A wrong method on a route that exists, API or web page, is a 405 naming the methods it takes. */
  @Test
  void wrongMethodsAre405WithAllow() {
    String[][] cases = {
      {"POST", "/api/search", "GET, HEAD"}, {"DELETE", "/api/papers/x", "GET, HEAD"}, {"GET", "/api/similar", "POST"},
      {"POST", "/", "GET, HEAD"}, {"PUT", "/app.js", "GET, HEAD"}, {"DELETE", "/index.html", "GET, HEAD"},
    };
    for (String[] c : cases) {
      ApiFixture.Response r = api.send(java.net.http.HttpRequest.newBuilder(api.uri(c[1]))
          .method(c[0], java.net.http.HttpRequest.BodyPublishers.noBody()).build());
      assertEquals(405, r.status(), c[0] + " " + c[1]);
      assertEquals(c[2], r.raw().headers().firstValue("Allow").orElse(""), c[0] + " " + c[1]);
      assertEquals("method_not_allowed", r.json().get("error").asText());
    }
    assertEquals(404, api.send(java.net.http.HttpRequest.newBuilder(api.uri("/nope.html"))
        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()).status(), "a file that is not there");
    assertEquals(200, api.get("/app.js").status());
    // The page names its icon, so browsers do not ask for a /favicon.ico that is not there.
    ApiFixture.Response icon = api.get("/favicon.svg");
    assertEquals(200, icon.status());
    assertTrue(icon.raw().headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"), icon.raw().headers().toString());
    assertTrue(icon.raw().body().startsWith("<svg"), icon.raw().body());
    assertTrue(api.get("/").raw().body().contains("<link rel=\"icon\" href=\"/favicon.svg\""));
    ApiFixture.Response old = api.get("/favicon.ico");
    assertEquals(301, old.status());
    assertEquals("/favicon.svg", old.raw().headers().firstValue("Location").orElse(""));
  }

  @Test
  void badBodiesAre400sAndHugeOnes413() {
    String[][] cases = {
      {"", "must be a JSON object"},
      {"{bad", "not valid JSON"},
      {"[1,2]", "must be a JSON object like"},
      {"{\"text\":5}", "field 'text' has the wrong type"},
      {"{\"text\":\"x\",\"limit\":1.5}", "field 'limit' has the wrong type"},
      {"{\"text\":\"x\"} trailing", "not valid JSON"},
      {"{\"text\":\"\"}", "text must not be empty"},
      {"{\"text\":\"x\",\"limit\":0}", "limit must be between 1 and 100"},
      {"{\"text\":\"x\",\"mode\":\"fast\"}", "unknown field 'mode'"},
      {"null", "must be a JSON object"},
    };
    for (String[] c : cases) {
      ApiFixture.Response r = api.post("/api/similar", c[0]);
      assertEquals(400, r.status(), c[0]);
      assertTrue(r.json().get("message").asText().contains(c[1]), c[0] + " -> " + r.json());
    }
    ApiFixture.Response big = api.post("/api/similar", "{\"text\":\"" + "x".repeat(100_000) + "\"}");
    assertEquals(413, big.status());
    assertTrue(big.json().get("message").asText().contains("64 KiB"), big.json().toString());
    ApiFixture.Response longUri = api.get("/api/search?q=" + "a".repeat(50_000));
    assertEquals(414, longUri.status());
    assertEquals("uri_too_long", longUri.json().get("error").asText(), "Jetty's own errors answer JSON too");
  }
}
