package dev.scholarsearch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scholarsearch.embed.EmbedderHandle;
import dev.scholarsearch.embed.EmbeddingModel;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.IndexManifest;
import dev.scholarsearch.index.Indexer;
import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.search.FacetValue;
import dev.scholarsearch.search.HybridTuning;
import dev.scholarsearch.search.PaperHit;
import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import dev.scholarsearch.search.PaperSearch;
import dev.scholarsearch.search.QueryVectors;
import dev.scholarsearch.search.RankFusion;
import dev.scholarsearch.search.Retrieval;
import dev.scholarsearch.search.RetrievalPlan;
import dev.scholarsearch.search.RankedElsewhere;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.search.SearchPlanner;
import dev.scholarsearch.search.SearchRequest;
import dev.scholarsearch.search.SearchResult;
import dev.scholarsearch.search.SearchTuning;
import dev.scholarsearch.search.SortOrder;
import dev.scholarsearch.search.UserQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Query;

/**
 * Keyword search on a cluster: the query parsed, analysed and refined by the project as for the
 * local index ({@link SearchPlanner}), run by Solr with exact global statistics, the filters as
 * tagged filter queries and each facet counted without its own filter (what drill-sideways counts
 * locally), the page formatted as a local page ({@link RankedElsewhere}).
 */
public final class ClusterSearcher implements PaperSearch {
  private static final Duration QUERY = Duration.ofSeconds(10);

  private final SolrHttp solr;
  private final IndexManifest manifest;
  private final double averageTextLength;
  private final SearchPlanner planner;
  private final RankedElsewhere pages;

  private ClusterSearcher(SolrHttp solr, IndexManifest manifest, double averageTextLength) {
    this.solr = solr;
    this.manifest = manifest;
    this.averageTextLength = averageTextLength;
    QueryVectors vectors = new QueryVectors(EmbedderHandle.shared(manifest.embeddingModel()
        .orElse(EmbeddingModel.DEFAULT)));
    this.planner = new SearchPlanner(SearchTuning.DEFAULT, HybridTuning.DEFAULT, vectors, () -> averageTextLength);
    this.pages = new RankedElsewhere(HybridTuning.DEFAULT, vectors);
  }

  /** Connects to the collection the URL's alias names, and reads its manifest. */
  public static ClusterSearcher open(EngineUrl url) throws IOException {
    SolrHttp solr = new SolrHttp(url);
    JsonNode r;
    try {
      r = solr.get("/solr/" + url.name() + "/select", Map.of("q", "id:" + SolrDocuments.MANIFEST_ID, "fl", "record",
          "wt", "json"), QUERY);
    } catch (EngineException e) {
      if (e.status() == 404) {
        throw new IOException("the cluster at " + url + " has no collection or alias '" + url.name()
            + "'; build one with: scholar index --engine " + url, e);
      }
      throw e;
    }
    JsonNode docs = r.path("response").path("docs");
    if (docs.isEmpty()) {
      throw new IOException("the collection '" + url.name() + "' on " + url + " has no manifest: it was not built by "
          + "scholar index --engine");
    }
    JsonNode record = SolrHttp.MAPPER.readTree(docs.get(0).path(Fields.RECORD).asText());
    Map<String, String> data = new HashMap<>();
    record.fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
    solr.discoverNodes();
    return new ClusterSearcher(solr, Indexer.manifestOf(data), Double.parseDouble(data.getOrDefault(
        "averageTextLength", "0")));
  }

  public IndexManifest manifest() {
    return manifest;
  }

  SolrHttp solr() {
    return solr;
  }

  SearchPlanner planner() {
    return planner;
  }

  double averageTextLength() {
    return averageTextLength;
  }

  public EngineUrl url() {
    return solr.url();
  }

  /**
   * A page of results, as {@code PaperSearcher.search} gives it for a local index.
   *
   * @throws EngineFailure when the cluster cannot be reached or fails
   */
  @Override
  public SearchResult search(SearchRequest req) {
    try {
      return searchOrThrow(req);
    } catch (IOException e) {
      throw EngineFailure.of(e);
    }
  }

  @Override
  public Optional<Paper> paper(String id) {
    try {
      JsonNode docs = select(Map.of("q", Fields.ID + ":" + SolrQueryWriter.escape(id), "fq", Fields.KIND + ":"
          + Fields.KIND_PAPER, "fl", Fields.RECORD, "rows", 1, "wt", "json")).path("response").path("docs");
      return docs.isEmpty() ? Optional.empty() : Optional.of(RecordJson.paper(docs.get(0).path(Fields.RECORD).asText()));
    } catch (IOException e) {
      throw EngineFailure.of(e);
    }
  }

  /** The researchers whose profile pages list {@code p} (the first 100 authors are read), by page file. */
  @Override
  public Map<String, Researcher> pageOwners(Paper p) {
    List<String> ids = p.authors().subList(0, Math.min(100, p.authors().size())).stream()
        .map(Authorship::researcherId).distinct().toList();
    Map<String, Researcher> owners = new HashMap<>();
    try {
      JsonNode docs = select(Map.of("q", ClusterRanking.idsQuery(ids), "fq", Fields.KIND + ":"
          + Fields.KIND_RESEARCHER, "fl", Fields.RECORD, "rows", Math.max(1, ids.size()), "wt", "json"))
          .path("response").path("docs");
      Map<String, Researcher> byId = new HashMap<>();
      docs.forEach(d -> {
        Researcher r = RecordJson.researcher(d.path(Fields.RECORD).asText());
        byId.put(r.id(), r);
      });
      // In the paper's author order, as the local index reads them.
      for (String id : ids) {
        Researcher owner = byId.get(id);
        if (owner != null) {
          owner.profiles().forEach(page -> owners.putIfAbsent(page.source(), owner));
        }
      }
      return owners;
    } catch (IOException e) {
      throw EngineFailure.of(e);
    }
  }

  /** {@link #search}, its failures checked. */
  public SearchResult searchOrThrow(SearchRequest req) throws IOException {
    UserQuery q = planner.parse(req.query(), req.exact());
    SortOrder order = req.sort() == SortOrder.RELEVANCE && q.isListing() ? SortOrder.NEWEST : req.sort();
    if (q.isListing() && req.mode().equals(Optional.of(SearchMode.SEMANTIC))) {
      throw InvalidRequestException.badParameter("mode=semantic needs a query: give q, or use mode=lexical to list papers");
    }
    SearchMode mode = q.isListing() ? SearchMode.LEXICAL : mode(req.mode());
    if (mode != SearchMode.LEXICAL) {
      return fused(req, q, order, mode);
    }
    Query query = order == SortOrder.RELEVANCE ? planner.refinedElsewhere(q, averageTextLength) : q.query();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("q", SolrQueryWriter.write(query));
    params.put("fq", filterQueries(req.filters()));
    params.put("fl", "id,score," + Fields.RECORD);
    params.put("start", req.offset());
    params.put("rows", req.limit());
    params.put("wt", "json");
    // Ties by id: replicas hold a shard's documents in different internal orders, and paging must
    // not depend on which replica answers.
    switch (order) {
      case RELEVANCE -> params.put("sort", "score desc,id asc");
      case DATE -> params.put("sort", Fields.DATE_SORT + " asc,score desc,id asc");
      case NEWEST -> params.put("sort", Fields.DATE_SORT + " desc,score desc,id asc");
    }
    if (req.facetLimit() > 0) {
      params.put("json.facet", facets(req.facetLimit()).toString());
    }
    if (req.explain()) {
      params.put("debug", "results");
    }
    JsonNode r = select(params);
    JsonNode explain = r.path("debug").path("explain");
    List<RankedElsewhere.Hit> page = new ArrayList<>();
    for (JsonNode d : r.path("response").path("docs")) {
      String id = d.path(Fields.ID).asText();
      // Sorted by date, a hit shows no score, as locally.
      float score = order == SortOrder.RELEVANCE ? (float) d.path("score").asDouble() : 0f;
      page.add(new RankedElsewhere.Hit(RecordJson.paper(d.path(Fields.RECORD).asText()), score, Optional.empty(),
          explain.path(id).asText(null)));
    }
    List<PaperHit> hits = pages.page(page, req, q, SearchMode.LEXICAL);
    return new SearchResult(r.path("response").path("numFound").asLong(), "eq", req.offset(), req.limit(), hits,
        facetCounts(r.path("facets")), List.of(), SearchMode.LEXICAL.label());
  }

  /**
   * What the cluster holds: the collection behind the alias, its layout, and the counts.
   *
   * @param activeReplicas replicas answering now, of {@code shards} x {@code replicas}
   */
  public record Overview(String collection, int shards, int replicas, int activeReplicas, List<String> liveNodes,
      long papers, long researchers, long researchersWithProfiles) {}

  public Overview overview() throws IOException {
    JsonNode status = solr.get("/solr/admin/collections", Map.of("action", "CLUSTERSTATUS", "wt", "json"), QUERY)
        .path("cluster");
    String collection = status.path("aliases").path(solr.url().name()).asText(solr.url().name());
    JsonNode shards = status.path("collections").path(collection).path("shards");
    int shardCount = 0;
    int replicas = 0;
    int active = 0;
    for (JsonNode shard : shards) {
      shardCount++;
      for (JsonNode replica : shard.path("replicas")) {
        replicas++;
        active += replica.path("state").asText().equals("active") ? 1 : 0;
      }
    }
    List<String> live = new ArrayList<>();
    status.path("live_nodes").forEach(n -> live.add(n.asText()));
    return new Overview(collection, shardCount, shardCount == 0 ? 0 : replicas / shardCount, active, live,
        count(Fields.KIND + ":" + Fields.KIND_PAPER), count(Fields.KIND + ":" + Fields.KIND_RESEARCHER),
        count("+" + Fields.KIND + ":" + Fields.KIND_RESEARCHER + " +" + Fields.HAS_PROFILE + ":true"));
  }

  private long count(String q) throws IOException {
    return solr.get("/solr/" + solr.url().name() + "/select", Map.of("q", q, "rows", 0, "wt", "json"), QUERY)
        .path("response").path("numFound").asLong();
  }

  /** The mode a request runs in: the one asked for, else hybrid when the papers have vectors, else lexical. */
  SearchMode mode(Optional<SearchMode> asked) {
    if (asked.isEmpty()) {
      return manifest.hasVectors() ? SearchMode.HYBRID : SearchMode.LEXICAL;
    }
    if (asked.get() != SearchMode.LEXICAL && !manifest.hasVectors()) {
      throw new InvalidRequestException("no_vectors", "mode=" + asked.get().label() + " needs papers with vectors, "
          + "and the collection on " + solr.url() + " was built without them (index --no-vectors); rebuild it without "
          + "--no-vectors, or use mode=lexical");
    }
    return asked.get();
  }

  private JsonNode select(Map<String, ?> params) throws IOException {
    try {
      return solr.select(params, QUERY);
    } catch (EngineException e) {
      if (e.status() == 400) {
        throw InvalidRequestException.badParameter(e.getMessage());
      }
      throw e;
    }
  }

  /**
   * A semantic or hybrid page: the ranking fused by the project ({@link ClusterRanking}), the page's
   * records fetched by id, and the total and facets counted over what either side matched, as the
   * local index counts them.
   */
  private SearchResult fused(SearchRequest req, UserQuery q, SortOrder order, SearchMode mode) throws IOException {
    int topN = req.offset() + req.limit();
    HybridTuning t = HybridTuning.DEFAULT;
    Optional<float[]> vector = planner.queryVectors().of(q);
    List<String> fq = filterQueries(req.filters());
    List<String> semanticFq = excluding(fq, SearchPlanner.prohibited(q.query()));
    ClusterRanking ranking = new ClusterRanking(solr, solr.url().name());
    List<RankFusion.Fused> fused;
    Map<String, Object> count = new LinkedHashMap<>();
    if (mode == SearchMode.SEMANTIC) {
      if (topN > HybridTuning.MAX_SEMANTIC_DEPTH) {
        throw InvalidRequestException.badParameter("mode=semantic ranks the " + HybridTuning.MAX_SEMANTIC_DEPTH
            + " nearest papers; offset+limit must be at most " + HybridTuning.MAX_SEMANTIC_DEPTH + ", got " + topN);
      }
      fused = ranking.semantic(vector, semanticFq, Math.max(topN, t.semanticDepth()), t);
      count.put("q", ClusterRanking.idsQuery(fused.stream().map(f -> ranking.id(f.doc())).toList()));
    } else {
      String lexical = SolrQueryWriter.write(planner.refinedElsewhere(q, averageTextLength));
      fused = ranking.hybrid(lexical, fq, vector, semanticFq, t.lexicalDepth(), t.semanticDepth(), topN, t,
          q.strict() ? RetrievalPlan.MeaningOnly.NONE : RetrievalPlan.MeaningOnly.CLOSE);
      // A match is a keyword match, or a paper the fusion kept for its meaning alone.
      count.put("q", "{!bool should=$lexical should=$meaning}");
      count.put("lexical", lexical);
      count.put("meaning", ClusterRanking.idsQuery(fused.stream().filter(f -> !f.lexical())
          .map(f -> ranking.id(f.doc())).toList()));
    }
    count.put("fq", fq);
    count.put("wt", "json");
    if (req.facetLimit() > 0) {
      count.put("json.facet", facets(req.facetLimit()).toString());
    }
    Map<String, RankFusion.Fused> byId = new HashMap<>();
    fused.forEach(f -> byId.put(ranking.id(f.doc()), f));
    List<String> pageIds;
    JsonNode counted;
    Map<String, Paper> records = new HashMap<>();
    if (order == SortOrder.RELEVANCE) {
      count.put("rows", 0);
      counted = select(count);
      pageIds = fused.subList(Math.min(req.offset(), fused.size()), Math.min(topN, fused.size())).stream()
          .map(f -> ranking.id(f.doc())).toList();
      JsonNode docs = select(Map.of("q", ClusterRanking.idsQuery(pageIds), "fq", Fields.KIND + ":" + Fields.KIND_PAPER, "fl",
          "id," + Fields.RECORD, "rows",
          Math.max(1, pageIds.size()), "wt", "json")).path("response").path("docs");
      docs.forEach(d -> records.put(d.path(Fields.ID).asText(), RecordJson.paper(d.path(Fields.RECORD).asText())));
    } else {
      // Sorted by date: the matches in date order, each hit keeping what the fusion said of it.
      count.put("sort", Fields.DATE_SORT + (order == SortOrder.DATE ? " asc" : " desc") + ",id asc");
      count.put("start", req.offset());
      count.put("rows", req.limit());
      count.put("fl", "id," + Fields.RECORD);
      counted = select(count);
      List<String> ids = new ArrayList<>();
      for (JsonNode d : counted.path("response").path("docs")) {
        ids.add(d.path(Fields.ID).asText());
        records.put(d.path(Fields.ID).asText(), RecordJson.paper(d.path(Fields.RECORD).asText()));
      }
      pageIds = ids;
    }
    List<RankedElsewhere.Hit> page = new ArrayList<>();
    for (String id : pageIds) {
      Optional<RankFusion.Fused> f = Optional.ofNullable(byId.get(id));
      float score = f.map(x -> mode == SearchMode.SEMANTIC ? x.similarity() : (float) x.score()).orElse(0f);
      String explanation = f.map(x -> mode == SearchMode.SEMANTIC
          ? String.format(java.util.Locale.ROOT, "semantic: rank %d, cosine similarity %.4f to the query (%s)",
              x.semanticRank(), x.similarity(), manifest.vectorModel())
          : RankFusion.explain(x, t, manifest.vectorModel())).orElse(null);
      page.add(new RankedElsewhere.Hit(records.get(id), score, f, explanation));
    }
    long total = counted.path("response").path("numFound").asLong();
    return new SearchResult(total, "eq", req.offset(), req.limit(),
        pages.page(page, req, q, mode), facetCounts(counted.path("facets")), List.of(), mode.label());
  }

  /**
   * The best {@code n} papers for {@code q} by relevance in {@code mode}, as the local planner ranks
   * them for researcher ranking and the evaluation ({@code forRanking}); numbered by {@code ranking}.
   */
  List<Retrieval.Ranked> ranked(ClusterRanking ranking, UserQuery q, SearchFilters filters, SearchMode mode,
      int n) throws IOException {
    HybridTuning t = HybridTuning.DEFAULT;
    List<String> fq = ClusterSearcher.filterQueries(filters);
    List<String> semanticFq = excluding(fq, SearchPlanner.prohibited(q.query()));
    String lexical = SolrQueryWriter.write(planner.refinedElsewhere(q, averageTextLength));
    List<Retrieval.Ranked> out = new ArrayList<>();
    switch (mode) {
      case LEXICAL -> {
        for (ScoreDoc sd : ranking.lexical(lexical, fq, n)) {
          out.add(new Retrieval.Ranked(sd.doc, sd.score, Optional.empty()));
        }
      }
      case SEMANTIC -> {
        List<RankFusion.Fused> fused = ranking.semantic(planner.queryVectors().of(q), semanticFq,
            Math.min(n, HybridTuning.MAX_SEMANTIC_DEPTH), t);
        fused.subList(0, Math.min(n, fused.size()))
            .forEach(f -> out.add(new Retrieval.Ranked(f.doc(), f.similarity(), Optional.of(f))));
      }
      case HYBRID -> {
        List<RankFusion.Fused> fused = ranking.hybrid(lexical, fq, planner.queryVectors().of(q), semanticFq,
            t.lexicalDepth(), t.semanticDepth(), n, t,
            q.strict() ? RetrievalPlan.MeaningOnly.NONE : RetrievalPlan.MeaningOnly.CLOSE);
        fused.subList(0, Math.min(n, fused.size()))
            .forEach(f -> out.add(new Retrieval.Ranked(f.doc(), (float) f.score(), Optional.of(f))));
      }
    }
    return out;
  }

  /** A paper id and its score. */
  public record Scored(String id, float score) {}

  /**
   * The top {@code n} papers for {@code text} by keyword relevance, as a search would rank them
   * (the evaluation's run): ids and scores only, nothing counted.
   */
  public List<Scored> rank(String text, SearchFilters filters, int n, Optional<SearchMode> asked) throws IOException {
    UserQuery q = planner.parse(text, false);
    SearchMode mode = q.isListing() ? SearchMode.LEXICAL : mode(asked);
    ClusterRanking ranking = new ClusterRanking(solr, solr.url().name());
    List<Scored> out = new ArrayList<>(n);
    for (Retrieval.Ranked r : ranked(ranking, q, filters, mode, n)) {
      out.add(new Scored(ranking.id(r.doc()), r.score()));
    }
    return out;
  }


  /**
   * The filter queries {@code fq} and none of {@code prohibited}: what a paper found by meaning
   * must pass, as {@code PaperFilters.excluding} says locally.
   */
  static List<String> excluding(List<String> fq, List<Query> prohibited) {
    List<String> out = new ArrayList<>(fq);
    prohibited.forEach(p -> out.add("-" + SolrQueryWriter.write(p)));
    return out;
  }

  /** Papers only, and each filter tagged with its facet dimension, so that dimension's counts can leave it out. */
  static List<String> filterQueries(SearchFilters f) {
    List<String> fq = new ArrayList<>();
    fq.add(Fields.KIND + ":" + Fields.KIND_PAPER);
    anyOf(fq, Fields.FACET_AUTHOR, Fields.AUTHOR, f.authors());
    anyOf(fq, Fields.FACET_CATEGORY, Fields.CATEGORY, f.categories());
    anyOf(fq, Fields.FACET_VENUE, Fields.VENUE, f.venues());
    anyOf(fq, Fields.FACET_TYPE, Fields.TYPE, f.types());
    if (!f.years().isAny()) {
      String from = f.years().from() == Integer.MIN_VALUE ? "*" : Integer.toString(f.years().from());
      String to = f.years().to() == Integer.MAX_VALUE ? "*" : Integer.toString(f.years().to());
      fq.add("{!tag=" + Fields.FACET_YEAR + "}" + Fields.YEAR + ":[" + from + " TO " + to + "]");
    }
    if (f.hasCodeOnly()) {
      fq.add(Fields.HAS_CODE + ":true");
    }
    return fq;
  }

  private static void anyOf(List<String> fq, String dim, String field, List<String> values) {
    if (!values.isEmpty()) {
      fq.add("{!tag=" + dim + "}" + field + ":(" + values.stream()
          .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").collect(Collectors.joining(" OR "))
          + ")");
    }
  }

  private static ObjectNode facets(int limit) {
    ObjectNode facets = SolrHttp.MAPPER.createObjectNode();
    for (String dim : Fields.FACET_DIMS) {
      ObjectNode f = facets.putObject(dim);
      f.put("type", "terms");
      f.put("field", dim); // each dimension's field has its name (schema.xml)
      f.put("limit", limit);
      f.put("mincount", 1);
      // Exact counts: each shard's top values are checked against the others' (without it a value
      // just outside one shard's top is undercounted). Which values make the top is then exact
      // unless a value lies outside every shard's first limit+100: many values tied on a small count.
      f.put("refine", true);
      f.put("overrequest", Math.max(100, 4 * limit));
      f.putObject("domain").put("excludeTags", dim);
    }
    return facets;
  }

  private static Map<String, List<FacetValue>> facetCounts(JsonNode facets) {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : Fields.FACET_DIMS) {
      List<FacetValue> values = new ArrayList<>();
      for (JsonNode b : facets.path(dim).path("buckets")) {
        values.add(new FacetValue(b.path("val").asText(), b.path("count").asInt()));
      }
      out.put(dim, values);
    }
    return out;
  }
}
