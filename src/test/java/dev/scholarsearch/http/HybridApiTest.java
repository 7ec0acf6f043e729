package dev.scholarsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semantic and hybrid retrieval over the seed pages embedded by the real model (all-MiniLM-L6-v2-q,
 * in process), through real HTTP requests.
 */
class HybridApiTest {
  /** "Human Motion Estimation with Everyday Wearables" in the seed pages. */
  static final String MOTION_PAPER = "p-89e5ad8a3289";
  /** Written from that paper's abstract, in words it never uses (checked below after stemming). */
  static final String PARAPHRASE = "tracking a person's posture via phones, watches, earphones they carry each day";

  @TempDir
  static Path dir;
  static ApiFixture api;
  static ApiFixture lexicalOnly;

  @BeforeAll
  static void start() throws IOException {
    api = ApiFixture.seedsWithVectors(dir.resolve("idx"));
    lexicalOnly = ApiFixture.seeds(dir.resolve("plain"));
  }

  @AfterAll
  static void stop() throws IOException {
    api.close();
    lexicalOnly.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> ids(JsonNode hits) {
    List<String> out = new ArrayList<>();
    hits.forEach(h -> out.add(h.get("id").asText()));
    return out;
  }

  static Set<String> terms(String text) throws IOException {
    Set<String> out = new HashSet<>();
    try (Analyzer a = Analyzers.perField(); TokenStream ts = a.tokenStream(Fields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  /** A negated word excludes papers in every mode: neither side may bring back a paper that has it. */
  @Test
  void aNegatedWordExcludesPapersFoundByMeaningToo() throws IOException {
    int plain = api.get("/api/search?q=reinforcement&mode=lexical&facetLimit=0").json().get("total").asInt();
    for (String mode : new String[] {"lexical", "semantic", "hybrid"}) {
      JsonNode r = api.get("/api/search?q=" + URLEncoder.encode("reinforcement -learning", StandardCharsets.UTF_8)
          + "&mode=" + mode + "&limit=100&facetLimit=0").json();
      assertFalse(r.get("hits").isEmpty(), mode + ": " + r);
      for (JsonNode h : r.get("hits")) {
        JsonNode paper = api.get("/api/papers/" + h.get("id").asText()).json();
        String text = (paper.path("title").asText() + " " + paper.path("abstractText").asText()).toLowerCase();
        assertFalse(text.matches("(?s).*\\blearn(ing|s|ed)?\\b.*"), mode + ": " + h.get("title").asText());
      }
      if (!mode.equals("semantic")) {
        assertTrue(r.get("total").asInt() < plain, mode + ": the negation narrows " + plain + " papers, got " + r);
      }
    }
  }

  @Test
  void denseRetrievalFindsAPaperFromAParaphraseSharingNoContentWord() throws IOException {
    JsonNode paper = api.get("/api/papers/" + MOTION_PAPER).json();
    Set<String> shared = terms(PARAPHRASE);
    shared.retainAll(terms(paper.get("title").asText() + "\n" + paper.get("abstractText").asText()));
    assertEquals(Set.of(), shared, "the paraphrase must share no indexed term with the paper");

    JsonNode lexical = api.get("/api/search?mode=lexical&limit=100&q=" + enc(PARAPHRASE)).json();
    assertFalse(ids(lexical.get("hits")).contains(MOTION_PAPER), "keywords cannot find it");

    JsonNode semantic = api.get("/api/search?mode=semantic&limit=5&q=" + enc(PARAPHRASE)).json();
    assertEquals("semantic", semantic.get("mode").asText());
    assertEquals(MOTION_PAPER, semantic.get("hits").get(0).get("id").asText(), semantic.toPrettyString());
    assertTrue(semantic.get("hits").get(0).get("similarity").asDouble() > 0.4);

    JsonNode hybrid = api.get("/api/search?limit=5&q=" + enc(PARAPHRASE)).json();
    assertEquals("hybrid", hybrid.get("mode").asText(), "hybrid is the default when the index has vectors");
    int at = ids(hybrid.get("hits")).indexOf(MOTION_PAPER);
    assertTrue(at >= 0 && at < 3, "hybrid brings it into the top 3: " + ids(hybrid.get("hits")));
    assertEquals("semantic", hybrid.get("hits").get(at).get("matchedBy").asText());
  }

  @Test
  void hybridKeepsExactPhraseHitsOnTop() {
    JsonNode lexical = api.get("/api/search?mode=lexical&limit=100&q=" + enc("\"stochastic gradient\"")).json();
    Set<String> phraseHits = new HashSet<>(ids(lexical.get("hits")));
    assertEquals(3, phraseHits.size());

    // A quoted phrase is strict: hybrid re-orders the phrase matches and adds nothing.
    JsonNode quoted = api.get("/api/search?limit=100&q=" + enc("\"stochastic gradient\"")).json();
    assertEquals("hybrid", quoted.get("mode").asText());
    assertEquals(3, quoted.get("total").asInt());
    assertEquals(phraseHits, new HashSet<>(ids(quoted.get("hits"))));

    // Unquoted, hybrid may add papers close in meaning, but the phrase matches stay first.
    JsonNode loose = api.get("/api/search?limit=10&q=" + enc("stochastic gradient")).json();
    assertEquals(phraseHits, new HashSet<>(ids(loose.get("hits")).subList(0, 3)), loose.toPrettyString());
    assertTrue(loose.get("hits").size() > 3, "unquoted, more papers share a word or the meaning: " + loose);
    for (int i = 0; i < loose.get("hits").size(); i++) {
      JsonNode h = loose.get("hits").get(i);
      if (i < 3) {
        assertNotEquals("semantic", h.get("matchedBy").asText(), "a phrase hit has the words: " + h);
      }
      if (h.get("matchedBy").asText().equals("semantic")) {
        assertFalse(h.get("snippet").asText().contains("<mark>"), "found by meaning alone, no word to mark: " + h);
      }
    }
  }

  @Test
  void facetsPagingAndExplainKeepWorkingInHybridMode() {
    JsonNode all = api.get("/api/search?limit=20&q=" + enc("reinforcement learning for language models")).json();
    int total = all.get("total").asInt();
    assertTrue(total >= 10, all.toPrettyString());
    int categorized = 0;
    for (JsonNode v : all.get("facets").get("year")) {
      categorized += v.get("count").asInt();
    }
    assertEquals(total, categorized, "every hit has a year: the year facet counts the same set as total");

    // Paging walks the same fused ranking.
    List<String> first = ids(all.get("hits"));
    List<String> page1 = ids(api.get("/api/search?limit=5&q=" + enc("reinforcement learning for language models")).json().get("hits"));
    List<String> page2 = ids(api.get("/api/search?limit=5&offset=5&q=" + enc("reinforcement learning for language models"))
        .json().get("hits"));
    assertEquals(first.subList(0, 5), page1);
    assertEquals(first.subList(5, 10), page2);

    // A filter applies to both sides (pre-filtered kNN): every hit is in the category.
    JsonNode cv = api.get("/api/search?category=CV&q=" + enc(PARAPHRASE)).json();
    assertTrue(cv.get("hits").size() > 0);
    cv.get("hits").forEach(h -> assertTrue(h.get("categories").toString().contains("CV"), h.toString()));
    assertEquals(MOTION_PAPER, cv.get("hits").get(0).get("id").asText());

    // Sorted by date, hybrid has the same hits as by relevance, and each keeps why it matched.
    JsonNode byRelevance = api.get("/api/search?limit=100&q=" + enc(PARAPHRASE)).json();
    JsonNode byDate = api.get("/api/search?limit=100&sort=-date&q=" + enc(PARAPHRASE)).json();
    assertEquals(new HashSet<>(ids(byRelevance.get("hits"))), new HashSet<>(ids(byDate.get("hits"))));
    int previous = Integer.MAX_VALUE;
    for (JsonNode h : byDate.get("hits")) {
      int year = h.get("year").asInt();
      assertTrue(year <= previous, "newest first: " + year + " after " + previous);
      previous = year;
      if (h.get("id").asText().equals(MOTION_PAPER)) {
        assertEquals("semantic", h.get("matchedBy").asText());
        assertTrue(h.get("similarity").asDouble() > 0.4, h.toString());
      }
    }
    JsonNode semanticWhy = api.get("/api/search?mode=semantic&explain=true&limit=1&q=" + enc(PARAPHRASE)).json();
    assertTrue(semanticWhy.get("hits").get(0).get("explanation").asText().startsWith("semantic: rank 1, cosine similarity"),
        semanticWhy.toPrettyString());

    JsonNode explained = api.get("/api/search?explain=true&limit=3&q=" + enc("stochastic gradient")).json();
    String why = explained.get("hits").get(0).get("explanation").asText();
    assertTrue(why.contains("lexical: rank 1") || why.contains("lexical: rank"), why);
    assertTrue(why.contains("semantic: rank") && why.contains("cosine similarity"), why);
    assertTrue(why.contains("BM25"), why);
    // The semantic side ranks with the query vector moved by feedback, but a hit reports its
    // cosine to the query itself: the same figure semantic mode reports, up to 8-bit quantization.
    assertTrue(why.contains("moved towards the best papers of a first fused ranking (up to 5"), why);
    double hybridCos = byRelevance.get("hits").get(ids(byRelevance.get("hits")).indexOf(MOTION_PAPER))
        .get("similarity").asDouble();
    JsonNode semanticHits = api.get("/api/search?mode=semantic&limit=100&q=" + enc(PARAPHRASE)).json().get("hits");
    double semanticCos = semanticHits.get(ids(semanticHits).indexOf(MOTION_PAPER)).get("similarity").asDouble();
    assertEquals(semanticCos, hybridCos, 0.02);
  }

  @Test
  void modesAndTheirErrors() {
    for (String mode : List.of("lexical", "semantic", "hybrid")) {
      ApiFixture.Response r = api.get("/api/search?mode=" + mode + "&q=" + enc("speculative rollout"));
      assertEquals(200, r.status(), mode);
      assertEquals(mode, r.json().get("mode").asText());
    }
    ApiFixture.Response bad = api.get("/api/search?mode=vector&q=x");
    assertEquals(400, bad.status());
    assertTrue(bad.json().get("message").asText().contains("'vector'"), bad.json().toString());

    ApiFixture.Response noQuery = api.get("/api/search?mode=semantic");
    assertEquals(400, noQuery.status());
    assertTrue(noQuery.json().get("message").asText().contains("needs a query"));

    ApiFixture.Response tooDeep = api.get("/api/search?mode=semantic&q=x&offset=995&limit=10");
    assertEquals(400, tooDeep.status());
    assertTrue(tooDeep.json().get("message").asText().contains("1000"));

    // An index built without vectors: lexical by default, and a clear 400 for the others.
    assertEquals("lexical", lexicalOnly.get("/api/search?q=x").json().get("mode").asText());
    assertEquals("lexical", lexicalOnly.get("/api/health").json().get("defaultMode").asText());
    for (String path : List.of("/api/search?mode=semantic&q=x", "/api/search?mode=hybrid&q=x",
        "/api/papers/" + MOTION_PAPER + "/similar?mode=hybrid", "/api/researchers?mode=semantic&topic=x")) {
      ApiFixture.Response r = lexicalOnly.get(path);
      assertEquals(400, r.status(), path);
      assertEquals("no_vectors", r.json().get("error").asText(), path);
    }
    assertEquals("hybrid", api.get("/api/health").json().get("defaultMode").asText());
    assertEquals(EmbeddingModel.DEFAULT_NAME, api.get("/api/health").json().get("vectors").asText());
  }

  @Test
  void similarPapersFuseNeighboursAndSayWhy() {
    JsonNode r = api.get("/api/papers/p-1786331b988e/similar?limit=10").json(); // Cyclical SG-MCMC
    Set<String> matched = new LinkedHashSet<>();
    for (JsonNode h : r.get("hits")) {
      assertFalse(h.get("id").asText().equals("p-1786331b988e"), "never the paper itself");
      matched.add(h.get("matchedBy").asText());
      String reason = h.get("reason").asText();
      switch (h.get("matchedBy").asText()) {
        case "both" -> assertTrue(reason.contains("shares") && reason.contains("meaning"), reason);
        case "semantic" -> assertTrue(reason.contains("meaning"), reason);
        default -> assertTrue(reason.contains("shares") || reason.contains("wording"), reason);
      }
    }
    assertTrue(matched.contains("both"), "its sampling siblings share words and meaning: " + r.toPrettyString());
    // The two other Langevin/MCMC papers by the same author are the nearest.
    List<String> top3 = ids(r.get("hits")).subList(0, 3);
    assertTrue(top3.contains("p-d8e978cc33c5") && top3.contains("p-c45f98c81802"), top3.toString());

    JsonNode text = api.post("/api/similar?mode=semantic", "{\"text\":\"" + PARAPHRASE + "\",\"limit\":3}").json();
    assertEquals(MOTION_PAPER, text.get("hits").get(0).get("id").asText(), text.toPrettyString());
    assertEquals("semantic", text.get("hits").get(0).get("matchedBy").asText());
  }

  @Test
  void researchersRankOnHybridEvidence() {
    JsonNode r = api.get("/api/researchers?limit=3&topic=" + enc("stochastic gradient MCMC")).json();
    assertEquals("ruqi-zhang", r.get("hits").get(0).get("id").asText(), r.toPrettyString());
    JsonNode byMeaning = api.get("/api/researchers?limit=3&mode=semantic&topic=" + enc(PARAPHRASE)).json();
    assertEquals("siqi-zhu", byMeaning.get("hits").get(0).get("id").asText(), byMeaning.toPrettyString());
    assertEquals(400, api.get("/api/researchers?mode=nope&topic=x").status());
  }

  /**
   * On the seeds every paper is among the nearest by meaning, so every paper votes in semantic
   * mode; only those close to the topic count as matching, and each evidence paper says why it
   * counts: its similarity by meaning, or the topic words it contains.
   */
  @Test
  void researchersCountOnlyReallyMatchingPapersAndSayWhyEachCounts() {
    JsonNode semantic = api.get("/api/researchers?limit=20&mode=semantic&topic=" + enc("federated learning")).json();
    int fewer = 0;
    for (JsonNode h : semantic.get("hits")) {
      int matching = h.get("matchingPapers").asInt();
      assertTrue(matching <= h.get("paperCount").asInt(), h.toString());
      fewer += matching < h.get("paperCount").asInt() ? 1 : 0;
      int matchingShown = 0;
      for (JsonNode e : h.get("evidence")) {
        float sim = (float) e.get("similarity").asDouble();
        assertEquals(sim >= 0.3f, e.get("matches").asBoolean(), "semantic: matches by similarity alone: " + e);
        assertEquals(0, e.get("matchedWords").size(), "found by meaning, so no words claimed: " + e);
        matchingShown += e.get("matches").asBoolean() ? 1 : 0;
      }
      assertTrue(matchingShown <= matching, h.toString());
    }
    for (JsonNode h : api.get("/api/researchers?limit=20&mode=semantic&topic=zzzqqq").json().get("hits")) {
      assertTrue(h.get("matchingPapers").asInt() > 0, "a researcher none of whose papers match is not listed: " + h);
    }
    JsonNode siqi = null;
    for (JsonNode h : semantic.get("hits")) {
      siqi = h.get("id").asText().equals("siqi-zhu") ? h : siqi;
    }
    assertTrue(siqi != null && siqi.get("matchingPapers").asInt() < siqi.get("paperCount").asInt() && fewer > 0,
        "Siqi Zhu's 15 papers are not all about federated learning: " + semantic.toPrettyString());

    JsonNode hybrid = api.get("/api/researchers?limit=1&topic=" + enc("stochastic gradient MCMC")).json().get("hits").get(0);
    JsonNode best = hybrid.get("evidence").get(0);
    assertEquals("Cyclical Stochastic Gradient MCMC for Bayesian Deep Learning", best.get("title").asText());
    assertEquals("[\"stochastic\",\"gradient\",\"mcmc\"]", best.get("matchedWords").toString());
    assertTrue(best.get("matches").asBoolean());
    for (JsonNode e : hybrid.get("evidence")) {
      assertTrue(e.get("matchedWords").size() > 0 || e.get("similarity").asDouble() >= 0.3, e.toString());
    }
  }
}
