package dev.scholarsearch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scholarsearch.TestData;
import dev.scholarsearch.cli.CliRunner;
import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.http.AppFactory;
import dev.scholarsearch.http.ServerOptions;
import dev.scholarsearch.http.Services;
import dev.scholarsearch.search.Suggester;
import io.javalin.Javalin;
import dev.scholarsearch.embed.OnnxEmbedder;
import dev.scholarsearch.embed.VectorCache;
import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.PaperVectors;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.ReferenceDate;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.rank.Expert;
import dev.scholarsearch.rank.ExpertModel;
import dev.scholarsearch.rank.ExpertRanker;
import dev.scholarsearch.rank.ResearcherProfile;
import dev.scholarsearch.rank.ResearcherProfiles;
import dev.scholarsearch.search.PaperHit;
import dev.scholarsearch.search.PaperSearcher;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.search.SearchRequest;
import dev.scholarsearch.search.SearchResult;
import dev.scholarsearch.search.SortOrder;
import dev.scholarsearch.search.YearRange;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster backend against the local index, on a real SolrCloud of 2 nodes (its own JVM) with
 * the seed corpus in 2 shards x 2 replicas: the same analysis, the same hits and scores, the same
 * facets, and answers with a node down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSearchTest {
  static LocalCluster cluster;
  static EngineUrl url;
  static LiveIndex local;
  static PaperSearcher localSearch;
  static ClusterSearcher remote;

  @BeforeAll
  static void start(@TempDir Path dir) throws IOException {
    cluster = LocalCluster.start(Path.of("").toAbsolutePath(), 2, System.err::println);
    url = cluster.url("papers");
    Corpus corpus = new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(List.of(TestData.seeds()))
        .corpus();
    ClusterIndexer.Build b;
    // Both with the default model's vectors, from one cache: the papers are embedded once.
    try (VectorCache cache = VectorCache.open(dir.resolve("vector-cache"), EmbeddingModel.DEFAULT.name(),
        EmbeddingModel.DEFAULT.dimensions())) {
      PaperVectors vectors = PaperVectors.using(OnnxEmbedder::shared, cache, s -> {});
      Indexer.write(dir.resolve("local"), corpus, List.of(), "seeds", vectors, s -> {});
      b = ClusterIndexer.build(new SolrHttp(url), corpus, List.of(), "seeds", vectors,
          EmbeddingModel.DEFAULT.dimensions(), new ClusterIndexer.Layout(2, 2), s -> {});
    }
    local = LiveIndex.open(dir.resolve("local"), Duration.ofSeconds(5));
    localSearch = new PaperSearcher(local);
    assertEquals(2, b.layout().replicas(), b.summary());
    remote = ClusterSearcher.open(url);
  }

  @AfterAll
  static void stop() throws IOException {
    if (local != null) {
      local.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  static SearchRequest req(String q, SearchFilters f, SortOrder sort, int offset, int limit, boolean exact) {
    return new SearchRequest(q, f, sort, offset, limit, exact, false, 10, Optional.of(SearchMode.LEXICAL));
  }

  static final List<SearchRequest> REQUESTS = List.of(
      req("reinforcement learning", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 20, false),
      req("\"state of the art\"", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 20, false),
      req("large language models for code", SearchFilters.NONE, SortOrder.RELEVANCE, 5, 10, false),
      req("Language Models", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 20, true),
      req("author:zhu +agents -benchmark", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 20, false),
      req("title:\"reinforcement learning\"", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 20, false),
      req("agentc~1", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 20, false),
      req("rollout | decoding agent*", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 20, false),
      req("abstract:\"language model\"", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 20, false),
      req("learning", new SearchFilters(List.of(), List.of("LG", "cs.CL"), List.of(), List.of(), YearRange.parse("2025-"),
          false), SortOrder.RELEVANCE, 0, 20, false),
      req("models", new SearchFilters(List.of("Siqi Zhu"), List.of(), List.of(), List.of(), YearRange.ANY, false),
          SortOrder.NEWEST, 0, 20, false),
      req("", SearchFilters.NONE, SortOrder.NEWEST, 0, 30, false),
      req("agents", SearchFilters.NONE, SortOrder.DATE, 0, 10, false));

  @Test
  void keywordSearchRanksAndCountsAsTheLocalIndex() throws IOException {
    for (SearchRequest r : REQUESTS) {
      SearchResult want = localSearch.search(r);
      SearchResult got = remote.search(r);
      String what = "'" + r.query() + "' " + r.filters() + " " + r.sort();
      assertEquals(want.total(), got.total(), what);
      assertTrue(want.total() > 0, "the table's queries all match: " + what);
      assertEquals(want.facets(), got.facets(), "facets of " + what);
      assertEquals(want.hits().size(), got.hits().size(), what);
      // abstract:x is a field of its own on the cluster, and positions past the title in the local
      // combined field: the same matches, BM25 over slightly different lengths (within 1%).
      double tolerance = r.query().contains("abstract:") ? 1e-2 : 1e-4;
      for (int i = 0; i < want.hits().size(); i++) {
        PaperHit w = want.hits().get(i);
        PaperHit g = got.hits().get(i);
        assertEquals(w.score(), g.score(), tolerance * Math.max(1, w.score()), what + " hit " + i);
        // Equal scores may come in another order (the local index breaks ties by document number).
        boolean tiedBefore = i > 0 && Math.abs(w.score() - want.hits().get(i - 1).score()) <= 2 * tolerance;
        boolean tiedAfter = i + 1 < want.hits().size()
            && Math.abs(w.score() - want.hits().get(i + 1).score()) <= 2 * tolerance;
        if (r.sort() == SortOrder.RELEVANCE && !tiedBefore && !tiedAfter) {
          assertEquals(w.id(), g.id(), what + " hit " + i);
          assertEquals(w.snippet(), g.snippet(), what + " snippet of " + w.id());
        }
      }
    }
  }

  static final List<SearchRequest> BY_MEANING = List.of(
      req("reinforcement learning", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 20, false).withMode(SearchMode.HYBRID),
      req("how do agents use tools", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 20, false).withMode(SearchMode.HYBRID),
      req("\"language model\" -reward", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 20, false)
          .withMode(SearchMode.HYBRID),
      req("making training cheaper", new SearchFilters(List.of(), List.of("cs.LG"), List.of(), List.of(),
          YearRange.ANY, false), SortOrder.RELEVANCE, 0, 10, false).withMode(SearchMode.HYBRID),
      req("models that write code", SearchFilters.NONE, SortOrder.NEWEST, 0, 10, false).withMode(SearchMode.HYBRID),
      req("how do agents use tools", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 20, false).withMode(SearchMode.SEMANTIC),
      req("privacy of user data", new SearchFilters(List.of(), List.of(), List.of(), List.of(), YearRange.parse("2025-"),
          false), SortOrder.RELEVANCE, 0, 10, false).withMode(SearchMode.SEMANTIC));

  /**
   * Semantic and hybrid search, fused and fed back by the project over Solr's keyword matches and
   * HNSW neighbours: the same papers in the same order as the local index, scores within 0.002
   * (the graphs differ, and so may the last digits of a cosine).
   */
  @Test
  void searchByMeaningRanksAsTheLocalIndex() throws IOException {
    for (SearchRequest r : BY_MEANING) {
      SearchResult want = localSearch.search(r);
      SearchResult got = remote.search(r);
      String what = r.mode().orElseThrow().label() + " '" + r.query() + "' " + r.sort();
      assertEquals(want.mode(), got.mode(), what);
      assertEquals(want.total(), got.total(), what);
      assertEquals(want.facets(), got.facets(), "facets of " + what);
      assertEquals(want.hits().stream().map(PaperHit::id).collect(Collectors.toSet()),
          got.hits().stream().map(PaperHit::id).collect(Collectors.toSet()), what);
      Map<String, PaperHit> local = want.hits().stream().collect(Collectors.toMap(PaperHit::id, h -> h));
      for (int i = 0; i < want.hits().size(); i++) {
        PaperHit g = got.hits().get(i);
        PaperHit w = local.get(g.id());
        // Two papers whose cosines differ in the last digits may trade places (a run on another CPU
        // swapped two 0.002 apart): each place must hold a paper the local index scores the same.
        assertEquals(want.hits().get(i).score(), w.score(), 2e-3, what + " hit " + i + " is " + g.id());
        assertEquals(w.score(), g.score(), 2e-3, what + " score of " + g.id());
        assertEquals(w.matchedBy(), g.matchedBy(), what + " matched " + g.id());
      }
    }
  }

  /**
   * Researchers by topic on the cluster: the same researchers, scores, counts and evidence (with
   * the topic's words each paper has) as on the local index, in every mode.
   */
  @Test
  void researchersRankAsOnTheLocalIndex() throws IOException {
    ExpertRanker localExperts = new ExpertRanker(local, localSearch.kernel(), ExpertModel.DEFAULT);
    ClusterExperts clusterExperts = new ClusterExperts(remote);
    for (SearchMode mode : List.of(SearchMode.LEXICAL, SearchMode.HYBRID, SearchMode.SEMANTIC)) {
      for (String topic : List.of("reinforcement learning", "federated learning", "agents that use tools -benchmark")) {
        for (ExpertRanker.Scope scope : ExpertRanker.Scope.values()) {
          String what = mode.label() + " '" + topic + "' " + scope;
          List<Expert> want = localExperts.rank(topic, SearchFilters.NONE, scope, 10, Optional.of(mode));
          List<Expert> got = clusterExperts.rank(topic, SearchFilters.NONE, scope, 10, Optional.of(mode));
          assertFalse(want.isEmpty(), what);
          assertEquals(want.stream().map(Expert::id).toList(), got.stream().map(Expert::id).toList(), what);
          for (int i = 0; i < want.size(); i++) {
            Expert w = want.get(i);
            Expert g = got.get(i);
            assertEquals(w.score(), g.score(), 2e-3, what + " " + w.id());
            assertEquals(w.paperCount(), g.paperCount(), what + " " + w.id());
            assertEquals(w.matchingPapers(), g.matchingPapers(), what + " " + w.id());
            assertEquals(w.evidence().stream().map(e -> e.id() + " " + e.title() + " " + e.matchedWords() + " "
                + e.matches()).toList(), g.evidence().stream().map(e -> e.id() + " " + e.title() + " "
                + e.matchedWords() + " " + e.matches()).toList(), what + " " + w.id());
          }
        }
      }
    }
  }

  /**
   * Similar papers on the cluster, by paper and by pasted text, in every mode: the local index's
   * papers in its order, the same shared words and reasons, scores within 0.002.
   */
  @Test
  void similarPapersAreTheLocalIndexs() throws IOException {
    dev.scholarsearch.similar.SimilarPapers localSimilar = new dev.scholarsearch.similar.SimilarPapers(local,
        localSearch.kernel());
    ClusterSimilar clusterSimilar = new ClusterSimilar(remote);
    List<String> ids = localSearch.search(req("", SearchFilters.NONE, SortOrder.NEWEST, 0, 12, false)).hits().stream()
        .map(PaperHit::id).toList();
    for (SearchMode mode : List.of(SearchMode.LEXICAL, SearchMode.HYBRID, SearchMode.SEMANTIC)) {
      for (String id : ids) {
        compareSimilar(localSimilar.like(id, SearchFilters.NONE, 10, Optional.of(mode)).orElseThrow(),
            clusterSimilar.like(id, SearchFilters.NONE, 10, Optional.of(mode)).orElseThrow(), mode + " " + id);
      }
      String text = "We train language model agents with reinforcement learning and verifiable rewards.";
      compareSimilar(localSimilar.likeText(text, SearchFilters.NONE, 10, Optional.of(mode)),
          clusterSimilar.likeText(text, SearchFilters.NONE, 10, Optional.of(mode)), mode + " text");
    }
    SearchFilters cl = new SearchFilters(List.of(), List.of("cs.CL"), List.of(), List.of(), YearRange.ANY, false);
    compareSimilar(localSimilar.like(ids.get(0), cl, 10, Optional.of(SearchMode.HYBRID)).orElseThrow(),
        clusterSimilar.like(ids.get(0), cl, 10, Optional.of(SearchMode.HYBRID)).orElseThrow(), "filtered");
    assertTrue(clusterSimilar.like("no-such-paper", SearchFilters.NONE, 10, Optional.empty()).isEmpty());
  }

  private static void compareSimilar(List<dev.scholarsearch.similar.SimilarHit> want,
      List<dev.scholarsearch.similar.SimilarHit> got, String what) {
    // The same hits, shared words and sides; two hits within 0.002 of each other may swap (the two
    // engines' cosines differ in the last digits).
    assertEquals(want.stream().map(h -> h.id() + " " + h.sharedTerms() + " " + h.matchedBy()).sorted().toList(),
        got.stream().map(h -> h.id() + " " + h.sharedTerms() + " " + h.matchedBy()).sorted().toList(), what);
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i).score(), got.get(i).score(), 2e-3 * Math.max(1, want.get(i).score()), what + " " + i);
      if (!want.get(i).id().equals(got.get(i).id())) {
        int j = i;
        float near = (float) java.util.stream.IntStream.range(0, want.size()).filter(k -> k != j)
            .filter(k -> want.get(k).id().equals(got.get(j).id())).mapToDouble(k -> want.get(k).score()).findFirst()
            .orElse(Double.NaN);
        assertEquals(want.get(i).score(), near, 2e-3, what + ": hit " + i + " is another only in a near tie");
      }
    }
  }

  /**
   * Type-ahead on the cluster: the local suggester's researchers and topics in its order, and the
   * same titles (which, all of one weight, the two order differently).
   */
  @Test
  void suggestionsAreTheLocalSuggesters() {
    ClusterSuggester clusterSuggest = new ClusterSuggester(remote);
    try (Suggester localSuggest = new Suggester(local)) {
      for (String prefix : List.of("rein", "siqi", "zhu", "Siqi Z", "cs.", "large lang", "agentic reinforcement",
          "Müller", "zz-nothing")) {
        List<dev.scholarsearch.search.Suggestion> want = localSuggest.suggest(prefix, 10);
        List<dev.scholarsearch.search.Suggestion> got = clusterSuggest.suggest(prefix, 10);
        assertEquals(want.stream().filter(x -> !x.kind().equals("paper")).toList(),
            got.stream().filter(x -> !x.kind().equals("paper")).toList(), prefix);
        if (want.size() < 10) {
          assertEquals(new java.util.HashSet<>(want), new java.util.HashSet<>(got), prefix);
        } else {
          assertEquals(10, got.size(), prefix);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A researcher's profile from the cluster: the local index's, papers of the same day perhaps in another order. */
  @Test
  void profilesAreTheLocalIndexs() throws IOException {
    ResearcherProfiles localProfiles = new ResearcherProfiles(local);
    ClusterProfiles clusterProfiles = new ClusterProfiles(remote);
    List<String> ids = new ArrayList<>();
    localSearch.search(SearchRequest.of("learning", 10)).hits().forEach(h -> h.authors().forEach(a -> ids.add(a.id())));
    assertTrue(ids.size() > 10, ids.toString());
    for (String id : ids.stream().distinct().toList()) {
      ResearcherProfile want = localProfiles.profile(id).orElseThrow();
      ResearcherProfile got = clusterProfiles.profile(id).orElseThrow();
      assertEquals(sortedPapers(want), sortedPapers(got), id);
      assertEquals(withoutPapers(want), withoutPapers(got), id);
    }
    assertTrue(clusterProfiles.profile("no-such-researcher").isEmpty());
  }

  private static List<String> sortedPapers(ResearcherProfile p) {
    return p.papers().stream().map(x -> x.date() + " " + x.id()).sorted().toList();
  }

  private static ResearcherProfile withoutPapers(ResearcherProfile p) {
    return new ResearcherProfile(p.id(), p.name(), p.identifiers(), p.nameVariants(), p.hasProfile(), p.profiles(),
        p.paperCount(), List.of(), p.coauthors(), p.topCategories(), p.terms(), p.papersPerYear());
  }

  @Test
  void facetsCountEachDimensionWithoutItsOwnFilter() throws IOException {
    SearchFilters cl = new SearchFilters(List.of(), List.of("cs.CL"), List.of(), List.of(), YearRange.ANY, false);
    SearchResult all = remote.search(req("models", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 10, false));
    SearchResult filtered = remote.search(req("models", cl, SortOrder.RELEVANCE, 0, 10, false));
    assertEquals(all.facets().get(Fields.FACET_CATEGORY), filtered.facets().get(Fields.FACET_CATEGORY),
        "the category counts ignore the category filter (drill-sideways)");
    assertTrue(filtered.total() < all.total(), "the filter narrows the hits");
    assertFalse(filtered.facets().get(Fields.FACET_AUTHOR).equals(all.facets().get(Fields.FACET_AUTHOR)),
        "other dimensions count the filtered hits");
  }

  static final List<String> TRICKY = List.of("The naïve Bayes classifier's priors", "E2f-1, -2, -3 and PD-1+Eomes+CD8",
      "state-of-the-art (H2A)-histone", "Núñez Müller-Lüdenscheidt", "C++ and C# in 3.5% of U.S.A. repos",
      "running runs ran runner's", "x86_64 GPT-4o o1-preview", "日本語のテキスト and 中文", "emoji 🤖 robots",
      "www.example.com/path?q=1 and user@example.org", "ALL CAPS TITLE: A STUDY");

  @Test
  void theClusterAnalysesTextAsTheLocalIndex() throws IOException {
    SolrHttp solr = new SolrHttp(url);
    Map<String, Analyzer> types = Map.of("english", Analyzers.english(), "exact", Analyzers.exact(), "names",
        Analyzers.names());
    for (Map.Entry<String, Analyzer> t : types.entrySet()) {
      for (String s : TRICKY) {
        JsonNode r = solr.get("/solr/" + url.name() + "/analysis/field", Map.of("analysis.fieldtype", t.getKey(),
            "analysis.fieldvalue", s, "wt", "json"), Duration.ofSeconds(10));
        JsonNode stages = r.path("analysis").path("field_types").path(t.getKey()).path("index");
        JsonNode last = stages.get(stages.size() - 1);
        List<String> solrTokens = new ArrayList<>();
        last.forEach(tok -> solrTokens.add(tok.path("text").asText() + "@" + tok.path("position").asInt()));
        assertEquals(tokens(t.getValue(), s), solrTokens, t.getKey() + " of '" + s + "'");
      }
    }
  }

  private static List<String> tokens(Analyzer a, String s) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", s)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = 0;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(term + "@" + pos);
      }
      ts.end();
    }
    return out;
  }

  /** Last: the node stays down (starting it again would cost the suite seconds and test nothing more). */
  @Test
  @Order(Integer.MAX_VALUE)
  void withANodeDownEveryQueryStillAnswers() throws IOException {
    List<SearchRequest> all = new ArrayList<>(REQUESTS);
    all.addAll(BY_MEANING);
    List<SearchResult> before = new ArrayList<>();
    for (SearchRequest r : all) {
      before.add(remote.search(r));
    }
    cluster.stopNode(1);
    // Twice round, so that requests start at each node, the stopped one included.
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < all.size(); i++) {
        SearchResult r = remote.search(all.get(i));
        assertEquals(before.get(i).total(), r.total(), all.get(i).query());
        assertEquals(before.get(i).hits(), r.hits(), all.get(i).query());
      }
    }
    assertTrue(remote.overview().activeReplicas() < 4, "a node's replicas are down: " + remote.overview());

    // And with no node left: a 503 naming the cluster, at once, from the API as from the searcher.
    cluster.stopNode(0);
    Javalin api = AppFactory.create(Services.onCluster(remote), ServerOptions.DEFAULT).start("127.0.0.1", 0);
    try {
      long start = System.nanoTime();
      JsonNode down = getJson(api, "/api/search?q=agents", 503);
      assertEquals("engine_unavailable", down.path("error").asText(), down.toString());
      assertTrue(down.path("message").asText().contains(url.toString()), down.toString());
      assertTrue(System.nanoTime() - start < 10_000_000_000L, "no hang");
      assertEquals("engine_unavailable", getJson(api, "/api/health", 503).path("error").asText());
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      api.stop();
    }
  }

  @Test
  void aRebuildMovesTheAliasAndKeepsTheCollectionBefore() throws IOException {
    EngineUrl swap = cluster.url("swap");
    List<String> built = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      CliRunner.Run r = CliRunner.run("index", "--engine", swap.toString(), "--no-vectors", "-q", "--shards", "1",
          "--replicas", "1", "--reference-date", TestData.REFERENCE.toString(), TestData.seeds().toString());
      assertEquals(0, r.code(), r.err());
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("collection (swap_\\S+)").matcher(r.out());
      assertTrue(m.find(), r.out());
      built.add(m.group(1));
      assertEquals(built.get(i), ClusterIndexer.aliases(new SolrHttp(swap)).get("swap"), "the alias moved: " + r.out());
      assertEquals(42, ClusterSearcher.open(swap).overview().papers());
    }
    JsonNode list = new SolrHttp(swap).get("/solr/admin/collections", Map.of("action", "LIST", "wt", "json"),
        Duration.ofSeconds(10));
    List<String> collections = new ArrayList<>();
    list.path("collections").forEach(c -> collections.add(c.asText()));
    assertTrue(collections.containsAll(built.subList(1, 3)), "the last two are there: " + collections);
    assertFalse(collections.contains(built.get(0)), "the oldest is deleted: " + collections);
  }

  /**
   * The API served over the cluster ({@code serve --engine}) answers search, papers and health as
   * the API over the local index does.
   */
  @Test
  void theApiOnTheClusterAnswersAsTheLocalApi() throws Exception {
    Javalin onCluster = AppFactory.create(Services.onCluster(remote), ServerOptions.DEFAULT).start("127.0.0.1", 0);
    Javalin onLocal = AppFactory.create(Services.over(local, new Suggester(local)), ServerOptions.DEFAULT)
        .start("127.0.0.1", 0);
    try {
      for (String path : List.of("/api/search?q=reinforcement+learning&mode=lexical&limit=5",
          "/api/search?q=how+do+agents+use+tools&mode=hybrid&category=cs.AI&limit=5",
          "/api/search?q=&sort=-date&limit=3", "/api/papers/" + localSearch.search(SearchRequest.of("agents", 1))
              .hits().get(0).id())) {
        JsonNode want = getJson(onLocal, path, 200);
        JsonNode got = getJson(onCluster, path, 200);
        if (path.startsWith("/api/search")) {
          assertEquals(ids(want), ids(got), path);
          assertEquals(want.path("total"), got.path("total"), path);
          assertEquals(want.path("facets"), got.path("facets"), path);
        } else {
          assertEquals(want, got, path);
        }
      }
      assertEquals(42, getJson(onCluster, "/api/health", 200).path("papers").asInt());
      String topic = "/api/researchers?topic=reinforcement+learning&limit=5";
      // Scores of the hybrid default differ in the last digits (researchersRankAsOnTheLocalIndex bounds them).
      assertEquals(ids(getJson(onLocal, topic, 200)), ids(getJson(onCluster, topic, 200)), topic);
      String profile = "/api/researchers/siqi-zhu";
      assertEquals(getJson(onLocal, profile, 200).path("terms"), getJson(onCluster, profile, 200).path("terms"), profile);
      assertFalse(getJson(onCluster, "/api/suggest?q=rein", 200).path("suggestions").isEmpty());
      getJson(onCluster, "/api/suggest?q=", 400);
      getJson(onCluster, "/api/papers/no-such-paper", 404);
      getJson(onCluster, "/api/search?q=x&limit=0", 400);
    } finally {
      onCluster.stop();
      onLocal.stop();
    }
  }

  private static List<String> ids(JsonNode result) {
    List<String> out = new ArrayList<>();
    result.path("hits").forEach(h -> out.add(h.path("id").asText()));
    return out;
  }

  private static JsonNode getJson(Javalin app, String path, int status) throws Exception {
    java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(status, r.statusCode(), path + ": " + r.body());
    return SolrHttp.MAPPER.readTree(r.body());
  }

  /**
   * An update in place keeps the documents whose content hash the corpus gives again, replaces the
   * changed ones and deletes the vanished ones, as the local index's update does.
   */
  @Test
  void anUpdateInPlaceKeepsUnchangedPapersAndReplacesTheRest() throws IOException {
    EngineUrl url = cluster.url("update");
    SolrHttp solr = new SolrHttp(url);
    Corpus all = new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(List.of(TestData.seeds()))
        .corpus();
    List<dev.scholarsearch.model.Paper> papers = new ArrayList<>(all.papers());
    ClusterIndexer.Build first = ClusterIndexer.build(solr, new Corpus(papers.subList(0, 40), all.researchers()),
        List.of(), "a", null, 384, new ClusterIndexer.Layout(1, 1), s -> {});
    dev.scholarsearch.model.Paper changed = papers.get(0);
    List<dev.scholarsearch.model.Paper> next = new ArrayList<>(papers.subList(1, 40)); // paper 0 changed below
    next.add(new dev.scholarsearch.model.Paper(changed.id(), changed.title() + " revisited", null,
        changed.abstractText(), changed.rawAbstract(), changed.authors(), changed.year(), changed.date(),
        changed.categories(), changed.venue(), changed.type(), changed.hasCode(), changed.score(), changed.url(),
        changed.affiliation(), changed.sources(), changed.versions(), changed.ids(), changed.keywords()));
    next.remove(papers.get(5)); // vanished
    next.add(papers.get(40)); // new
    // A paper whose id is a researcher's: two documents, as in the local index.
    dev.scholarsearch.model.Paper namesake = papers.get(41);
    next.add(new dev.scholarsearch.model.Paper("siqi-zhu", namesake.title(), null, namesake.abstractText(),
        namesake.rawAbstract(), namesake.authors(), namesake.year(), namesake.date(), namesake.categories(),
        namesake.venue(), namesake.type(), namesake.hasCode(), namesake.score(), namesake.url(), namesake.affiliation(),
        namesake.sources(), namesake.versions(), namesake.ids(), namesake.keywords()));
    ClusterIndexer.Build second = ClusterIndexer.build(solr, new Corpus(next, all.researchers()), List.of(), "b", null,
        384, new ClusterIndexer.Layout(1, 1), Indexer.Strategy.UPDATE, s -> {});
    assertTrue(second.updated(), second.summary());
    assertEquals(first.collection(), second.collection(), "the same collection, updated");
    assertEquals(38, second.kept(), second.summary());
    assertEquals(3, second.added(), second.summary());
    assertEquals(2, second.removed(), second.summary());
    ClusterSearcher updated = ClusterSearcher.open(url);
    assertEquals(41, updated.overview().papers());
    assertEquals(namesake.title(), updated.paper("siqi-zhu").orElseThrow().title());
    assertEquals("Siqi Zhu", new ClusterProfiles(updated).profile("siqi-zhu").orElseThrow().name());
    assertTrue(updated.paper(papers.get(5).id()).isEmpty(), "the vanished paper is gone");
    assertTrue(updated.paper(papers.get(40).id()).isPresent(), "the new paper is there");
    assertEquals(changed.title() + " revisited", updated.paper(changed.id()).orElseThrow().title());
    assertEquals("b", updated.manifest().fingerprint());
  }

  @Test
  void anUnreachableClusterIsAClearErrorNamingItsUrl() {
    EngineUrl nowhere = EngineUrl.parse("solr://127.0.0.1:9,127.0.0.1:10/papers");
    long start = System.nanoTime();
    EngineUnavailableException e = assertThrows(EngineUnavailableException.class, () -> ClusterSearcher.open(nowhere));
    assertTrue(e.getMessage().contains("solr://127.0.0.1:9,127.0.0.1:10/papers"), e.getMessage());
    assertTrue(System.nanoTime() - start < 10_000_000_000L, "no hang");
  }
}
