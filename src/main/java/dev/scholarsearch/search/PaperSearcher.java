package dev.scholarsearch.search;

import dev.scholarsearch.embed.EmbedderHandle;
import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.index.PaperIds;
import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Paper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Keyword search over papers: query, filters, DrillSideways facet counts, snippets, paging and sorting. */
public final class PaperSearcher {
  /** Facet dimensions in the order they are returned. */
  public static final List<String> FACET_DIMS = Fields.FACET_DIMS;

  /** Without facets, hits are counted exactly up to this many; beyond it the total is a lower bound. */
  static final int EXACT_TOTAL_UP_TO = 1_000;

  private final LiveIndex index;
  private final Analyzer analyzer = Analyzers.perField();
  private final UserQueryParser parser;
  private final QueryRefiner refiner;
  private final FacetsConfig facetsConfig = Fields.facetsConfig();
  private final HybridTuning hybrid;
  private final QueryVectors queryVectors;
  private final FacetDrillSideways.Sampling sampling;
  private final EmbedderHandle embedder;

  public PaperSearcher(LiveIndex index) {
    this(index, SearchTuning.DEFAULT);
  }

  public PaperSearcher(LiveIndex index, SearchTuning tuning) {
    this(index, tuning, HybridTuning.DEFAULT);
  }

  public PaperSearcher(LiveIndex index, SearchTuning tuning, HybridTuning hybrid) {
    this(index, tuning, hybrid, FacetDrillSideways.Sampling.standard());
  }

  PaperSearcher(LiveIndex index, SearchTuning tuning, HybridTuning hybrid, FacetDrillSideways.Sampling sampling) {
    this(index, tuning, hybrid, sampling, EmbedderHandle.shared());
  }

  /** With the queries embedded by {@code embedder} (the server starts loading it early). */
  public PaperSearcher(LiveIndex index, EmbedderHandle embedder) {
    this(index, SearchTuning.DEFAULT, HybridTuning.DEFAULT, FacetDrillSideways.Sampling.standard(), embedder);
  }

  PaperSearcher(LiveIndex index, SearchTuning tuning, HybridTuning hybrid, FacetDrillSideways.Sampling sampling,
      EmbedderHandle embedder) {
    this.index = index;
    this.embedder = embedder;
    this.sampling = sampling;
    this.parser = new UserQueryParser(analyzer, tuning.weights());
    this.refiner = new QueryRefiner(tuning);
    this.hybrid = hybrid;
    this.queryVectors = new QueryVectors(embedder);
  }

  /**
   * Loads the embedding model when a search in mode {@code asked} (null: the index's default) will
   * need it. Callers run this before {@link LiveIndex#search}, so that loading, once per process,
   * never counts against a request's time budget.
   *
   * @throws dev.scholarsearch.embed.ModelNotReadyException when the model is still loading after
   *     {@link EmbedderHandle#MAX_WAIT}
   */
  public void prepareFor(SearchMode asked) {
    if (asked != SearchMode.LEXICAL && index.manifest().hasVectors()) {
      embedder.await(EmbedderHandle.MAX_WAIT);
    }
  }

  /** The query vectors of this searcher's embedder, remembered across requests. */
  public QueryVectors queryVectors() {
    return queryVectors;
  }

  /** A paper id and its relevance score. */
  public record ScoredPaper(String id, float score) {}

  /**
   * The top {@code n} papers for {@code text} by relevance: exactly the ranking {@link #search}
   * pages through, without facets and snippets (the evaluation uses it).
   */
  public List<ScoredPaper> rank(String text, SearchFilters filters, int n) {
    return rank(text, filters, n, SearchMode.LEXICAL);
  }

  /** The top {@code n} papers in the given mode (null: the index's default), as {@link #search} ranks them. */
  public List<ScoredPaper> rank(String text, SearchFilters filters, int n, SearchMode mode) {
    prepareFor(text.isBlank() ? SearchMode.LEXICAL : mode);
    return index.search(searcher -> {
      ScoreDoc[] top = rankDocs(searcher, text, filters, n, mode);
      String[] ids = PaperIds.of(searcher.getIndexReader(), Arrays.stream(top).mapToInt(sd -> sd.doc).toArray());
      List<ScoredPaper> out = new ArrayList<>(top.length);
      for (int i = 0; i < top.length; i++) {
        out.add(new ScoredPaper(ids[i], top[i].score));
      }
      return out;
    });
  }

  /** The relevance query as search runs it: parsed, refined (proximity, feedback) and filtered. */
  Query query(IndexSearcher searcher, String text, SearchFilters filters) throws IOException {
    return drillDown(papersOnly(refined(searcher, text, false, filters), filters), filters);
  }

  private Query refined(IndexSearcher searcher, String text, boolean exact, SearchFilters filters) throws IOException {
    Query parsed = parser.parse(text, exact);
    if (exact || text.isBlank()) {
      return parsed;
    }
    return refiner.refine(searcher, text, parsed, drillDown(papersOnly(parsed, filters), filters));
  }

  public SearchResult search(SearchRequest req) {
    Query text = parser.parse(req.query(), req.exact());
    int topN = req.offset() + req.limit();
    boolean listing = req.query().isBlank();
    // With no query there is no relevance to order by: list the newest papers first.
    Sort sort = sortFor(req.sort() == SortOrder.RELEVANCE && listing ? SortOrder.NEWEST : req.sort());
    prepareFor(listing ? SearchMode.LEXICAL : req.mode());
    return index.search(searcher -> {
      SearchMode mode = listing ? listingMode(req.mode()) : modeFor(searcher, req.mode());
      // Hybrid ranks by the refined query whatever the order, so its set of hits does not depend on the sort.
      Query lexical = mode == SearchMode.SEMANTIC ? null
          : sort == null || mode == SearchMode.HYBRID ? refined(searcher, req.query(), req.exact(), req.filters()) : text;
      // The lexical query as it ranks: restricted to papers passing the filters.
      Query lexicalFiltered = lexical == null ? null : drillDown(papersOnly(lexical, req.filters()), req.filters());
      List<RankFusion.Fused> fused = null;
      Query matches = lexical;
      if (mode != SearchMode.LEXICAL) {
        int depth = mode == SearchMode.SEMANTIC ? semanticDepth(topN) : hybrid.semanticDepth();
        float[] vector = queryVectors.of(req.query());
        Query knnFilter = semanticFilter(text, req.filters());
        Query knn = knn(searcher, vector, knnFilter, depth);
        fused = fusedRanking(searcher, mode, lexicalFiltered, knn, vector, knnFilter, topN, strict(req));
        matches = mode == SearchMode.SEMANTIC ? knn : new BooleanQuery.Builder()
            .add(lexical, BooleanClause.Occur.SHOULD)
            .add(semanticOnly(searcher, fused), BooleanClause.Occur.SHOULD).build();
      }
      DrillDownQuery ddq = drillDown(papersOnly(matches, req.filters()), req.filters());
      boolean withFacets = req.facetLimit() > 0 && !searcher.facetStates().isEmpty();
      Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
      for (String dim : FACET_DIMS) {
        facets.put(dim, List.of());
      }
      long total;
      boolean exactTotal;
      List<String> estimated = List.of();
      List<Ranked> ranked;
      if (sort != null || fused == null) {
        TopDocs top;
        if (withFacets) {
          FacetDrillSideways ds = new FacetDrillSideways(searcher, facetsConfig, sampling);
          DrillSideways.ConcurrentDrillSidewaysResult<? extends TopDocs> r = sort == null
              ? ds.search(ddq, searcher.withDeadline(new TopScoreDocCollectorManager(topN, Integer.MAX_VALUE)))
              : ds.search(ddq, searcher.withDeadline(new TopFieldCollectorManager(sort, topN, Integer.MAX_VALUE)));
          top = r.collectorResult;
          facets = facetCounts(r.facets, req.facetLimit());
          estimated = ds.estimated();
        } else {
          // No facets asked for: count hits exactly only up to a threshold, which lets Lucene skip
          // blocks that cannot reach the top (block-max WAND); the total is then a lower bound.
          int threshold = Math.max(topN, EXACT_TOTAL_UP_TO);
          top = sort == null
              ? searcher.search(ddq, new TopScoreDocCollectorManager(topN, threshold))
              : searcher.search(ddq, new TopFieldCollectorManager(sort, topN, threshold));
        }
        total = top.totalHits.value();
        exactTotal = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        ranked = new ArrayList<>();
        // Sorted by date in semantic or hybrid mode: each hit keeps what the fusion said of it.
        Map<Integer, RankFusion.Fused> byDoc = new HashMap<>();
        if (fused != null) {
          fused.forEach(f -> byDoc.put(f.doc(), f));
        }
        for (ScoreDoc sd : top.scoreDocs) {
          RankFusion.Fused f = byDoc.get(sd.doc);
          float score = f == null ? (Float.isNaN(sd.score) ? 0f : sd.score)
              : mode == SearchMode.SEMANTIC ? f.similarity() : (float) f.score();
          ranked.add(new Ranked(sd.doc, score, f));
        }
      } else {
        // Relevance in semantic or hybrid mode: rank by the fused lists; facets and the total count
        // the union of what either side matched.
        // Semantic alone scores by cosine similarity; hybrid by the fused score.
        ranked = fused.stream().map(f -> new Ranked(f.doc(),
            mode == SearchMode.SEMANTIC ? f.similarity() : (float) f.score(), f)).toList();
        if (withFacets) {
          FacetDrillSideways ds = new FacetDrillSideways(searcher, facetsConfig, sampling);
          DrillSideways.ConcurrentDrillSidewaysResult<Integer> r =
              ds.search(ddq, searcher.withDeadline(new TotalHitCountCollectorManager(searcher.untimed().getSlices())));
          total = r.collectorResult;
          exactTotal = true;
          facets = facetCounts(r.facets, req.facetLimit());
          estimated = ds.estimated();
        } else {
          TopDocs count = searcher.search(ddq, new TopScoreDocCollectorManager(1, EXACT_TOTAL_UP_TO));
          total = Math.max(count.totalHits.value(), fused.size());
          exactTotal = count.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        }
      }
      List<PaperHit> hits = hits(searcher, ranked, req, text, lexicalFiltered, mode);
      // Too many clauses (a short prefix, a fuzzy term) is answered centrally by LiveIndex.search as a 400.
      return new SearchResult(total, exactTotal ? "eq" : "gte", req.offset(), req.limit(), hits, facets, estimated, mode.label());
    });
  }

  /** A ranked document; {@code fused} tells what each side gave it (null for a lexical-only ranking). */
  private record Ranked(int doc, float score, RankFusion.Fused fused) {}

  /** A listing (no query) has no relevance: the mode only matters in that semantic needs words. */
  private static SearchMode listingMode(SearchMode asked) {
    if (asked == SearchMode.SEMANTIC) {
      throw InvalidRequestException.badParameter("mode=semantic needs a query: give q, or use mode=lexical to list papers");
    }
    return SearchMode.LEXICAL;
  }

  /** The mode a request runs in: the one asked for, else hybrid when the index has vectors, else lexical. */
  public SearchMode modeFor(LiveIndex.Snapshot searcher, SearchMode asked) {
    boolean vectors = searcher.manifest().hasVectors();
    if (asked == null) {
      return vectors ? SearchMode.HYBRID : SearchMode.LEXICAL;
    }
    if (asked != SearchMode.LEXICAL && !vectors) {
      throw new InvalidRequestException("no_vectors", "mode=" + asked.label() + " needs an index with vectors, and this "
          + "one was built without them (index --no-vectors); rebuild it without --no-vectors, or use mode=lexical");
    }
    if (asked != SearchMode.LEXICAL && !searcher.manifest().vectorModel().equals(queryVectors.model())) {
      throw new InvalidRequestException("no_vectors", "the index's vectors come from " + searcher.manifest().vectorModel()
          + " but this server embeds queries with " + queryVectors.model() + "; rebuild the index");
    }
    return asked;
  }

  private int semanticDepth(int topN) {
    if (topN > HybridTuning.MAX_SEMANTIC_DEPTH) {
      throw InvalidRequestException.badParameter("mode=semantic ranks the " + HybridTuning.MAX_SEMANTIC_DEPTH
          + " nearest papers; offset+limit must be at most " + HybridTuning.MAX_SEMANTIC_DEPTH + ", got " + topN);
    }
    return Math.max(topN, hybrid.semanticDepth());
  }

  /**
   * The {@code depth} papers nearest to the query's meaning among those passing the filters: the
   * filter is applied inside the HNSW search (pre-filtering), so a narrow filter still gets
   * {@code depth} hits. Rewritten once, so the same top-k serves ranking, facets and counts.
   */
  private Query knn(LiveIndex.Snapshot searcher, float[] v, Query filter, int depth) throws IOException {
    if (v == null) {
      return new org.apache.lucene.search.MatchNoDocsQuery("the query has no words to embed");
    }
    return searcher.rewrite(new KnnFloatVectorQuery(Fields.VECTOR, v, depth, filter));
  }

  /**
   * What a paper found by meaning must pass: the filters, and what the query prohibits ("-x",
   * "-author:y"), so that "reinforcement -learning" does not bring back by meaning the papers its
   * words exclude.
   */
  Query semanticFilter(Query parsed, SearchFilters filters) {
    List<Query> prohibited = new ArrayList<>();
    if (parsed instanceof BooleanQuery bq) {
      for (BooleanClause c : bq.clauses()) {
        if (c.occur() == BooleanClause.Occur.MUST_NOT) {
          prohibited.add(c.query());
        } else if (c.occur() == BooleanClause.Occur.MUST && c.query() instanceof BooleanQuery main) {
          main.clauses().stream().filter(m -> m.occur() == BooleanClause.Occur.MUST_NOT)
              .forEach(m -> prohibited.add(m.query()));
        }
      }
    }
    Query base = filterQuery(filters);
    if (prohibited.isEmpty()) {
      return base;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(base, BooleanClause.Occur.FILTER);
    prohibited.forEach(q -> b.add(q, BooleanClause.Occur.MUST_NOT));
    return b.build();
  }

  /**
   * The fused ranking (or the semantic one alone), at least {@code topN} deep when there are that
   * many. In hybrid mode a paper with no keyword match is kept only when it is close enough in
   * meaning, and never when the query is strict (a quoted phrase, or exact search): the user asked
   * for those words.
   */
  private List<RankFusion.Fused> fusedRanking(LiveIndex.Snapshot searcher, SearchMode mode, Query lexical, Query knn,
      float[] vector, Query knnFilter, int topN, boolean strict) throws IOException {
    ScoreDoc[] semantic = searcher.search(knn, HybridTuning.MAX_SEMANTIC_DEPTH).scoreDocs;
    if (mode != SearchMode.HYBRID) {
      return RankFusion.fuse(new ScoreDoc[0], semantic, hybrid);
    }
    int depth = Math.max(hybrid.lexicalDepth(), topN);
    ScoreDoc[] words = searcher.search(lexical, new TopScoreDocCollectorManager(depth, depth)).scoreDocs;
    List<RankFusion.Fused> fused = RankFusion.fuse(words, semantic, hybrid);
    if (hybrid.feedbackDocs() > 0 && vector != null && semantic.length > 0) {
      fused = withVectorFeedback(searcher, words, fused, vector, knnFilter);
    }
    return fused.stream().filter(f -> f.lexical() || (!strict && f.similarity() >= hybrid.minSimilarity())).toList();
  }

  /**
   * The fusion again, its semantic side searched with the query vector moved towards the best papers
   * of the first fusion ({@link VectorFeedback}). Hits still report, and are kept by, their cosine
   * to the query itself: feedback changes the order, not what counts as close in meaning.
   */
  private List<RankFusion.Fused> withVectorFeedback(LiveIndex.Snapshot searcher, ScoreDoc[] words,
      List<RankFusion.Fused> first, float[] vector, Query knnFilter) throws IOException {
    // Only papers close in meaning give feedback: a keyword match far from the query's meaning would
    // pull the vector away from the one paper a paraphrase was written for.
    int[] best = first.stream().filter(RankFusion.Fused::close).limit(hybrid.feedbackDocs())
        .mapToInt(RankFusion.Fused::doc).toArray();
    if (best.length == 0) {
      return first;
    }
    float[] moved = VectorFeedback.expand(vector, Arrays.asList(VectorFeedback.of(searcher.getIndexReader(), best)),
        hybrid.feedbackWeight());
    ScoreDoc[] semantic = searcher.search(knn(searcher, moved, knnFilter, hybrid.semanticDepth()),
        HybridTuning.MAX_SEMANTIC_DEPTH).scoreDocs;
    // The cosine to the query itself: known from the first search for most papers, read and
    // computed for the few that only the moved vector brought in.
    Map<Integer, Float> known = new HashMap<>();
    first.forEach(f -> {
      if (f.semantic()) {
        known.put(f.doc(), f.similarity());
      }
    });
    int[] unknown = Arrays.stream(semantic).mapToInt(sd -> sd.doc).filter(d -> !known.containsKey(d)).toArray();
    float[][] vectors = VectorFeedback.of(searcher.getIndexReader(), unknown);
    float[] unit = VectorFeedback.unit(vector);
    for (int i = 0; i < unknown.length; i++) {
      known.put(unknown[i], VectorFeedback.cosine(unit, vectors[i]));
    }
    float[] similarity = new float[semantic.length];
    for (int i = 0; i < similarity.length; i++) {
      similarity[i] = known.get(semantic[i].doc);
    }
    return RankFusion.fuse(words, semantic, similarity, hybrid);
  }

  /** Whether the query asks for exact words: a quoted phrase, or exact search. */
  private static boolean strict(SearchRequest req) {
    return req.exact() || req.query().indexOf('"') >= 0;
  }

  /** The fused hits that only the semantic side found, as a query (by id), for counts and facets. */
  private static Query semanticOnly(LiveIndex.Snapshot searcher, List<RankFusion.Fused> fused) throws IOException {
    List<BytesRef> ids = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    for (RankFusion.Fused f : fused) {
      if (!f.lexical()) {
        ids.add(new BytesRef(stored.document(f.doc(), Set.of(Fields.ID)).get(Fields.ID)));
      }
    }
    return ids.isEmpty() ? new org.apache.lucene.search.MatchNoDocsQuery() : new TermInSetQuery(Fields.ID, ids);
  }

  /** The top {@code n} documents in {@code mode}: BM25, cosine (semantic) or fused scores. */
  public ScoreDoc[] rankDocs(LiveIndex.Snapshot searcher, String text, SearchFilters filters, int n, SearchMode asked)
      throws IOException {
    SearchMode mode = modeFor(searcher, asked);
    if (mode == SearchMode.LEXICAL || text.isBlank()) {
      return searcher.search(query(searcher, text, filters), n).scoreDocs;
    }
    Query lexical = mode == SearchMode.HYBRID ? query(searcher, text, filters) : null;
    float[] vector = queryVectors.of(text);
    Query knnFilter = semanticFilter(parser.parse(text, false), filters);
    Query knn = knn(searcher, vector, knnFilter, mode == SearchMode.SEMANTIC ? Math.min(n, HybridTuning.MAX_SEMANTIC_DEPTH)
        : hybrid.semanticDepth());
    List<RankFusion.Fused> fused = fusedRanking(searcher, mode, lexical, knn, vector, knnFilter, n, text.indexOf('"') >= 0);
    ScoreDoc[] out = new ScoreDoc[Math.min(n, fused.size())];
    for (int i = 0; i < out.length; i++) {
      RankFusion.Fused f = fused.get(i);
      out[i] = new ScoreDoc(f.doc(), mode == SearchMode.SEMANTIC ? f.similarity() : (float) f.score());
    }
    return out;
  }

  /** The paper with this id, if the index has it. */
  public Optional<Paper> paper(String id) {
    return index.search(searcher -> {
      TopDocs top = searcher.search(new BooleanQuery.Builder()
          .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PAPER)), BooleanClause.Occur.FILTER)
          .build(), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(RecordJson.paper(searcher.storedFields().document(top.scoreDocs[0].doc).get(Fields.RECORD)));
    });
  }

  /** The text query restricted to papers and to the filters that are not facets. */
  static Query papersOnly(Query text, SearchFilters filters) {
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(text, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PAPER)), BooleanClause.Occur.FILTER);
    if (filters.hasCodeOnly()) {
      b.add(new TermQuery(new Term(Fields.HAS_CODE, "true")), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** Facet filters as drill-downs, so that each facet's own filter does not shrink its own counts. */
  DrillDownQuery drillDown(Query base, SearchFilters f) {
    DrillDownQuery ddq = new DrillDownQuery(facetsConfig, base);
    f.authors().forEach(v -> ddq.add(Fields.FACET_AUTHOR, v));
    f.categories().forEach(v -> ddq.add(Fields.FACET_CATEGORY, v));
    f.venues().forEach(v -> ddq.add(Fields.FACET_VENUE, v));
    f.types().forEach(v -> ddq.add(Fields.FACET_TYPE, v));
    if (!f.years().isAny()) {
      ddq.add(Fields.FACET_YEAR, IntPoint.newRangeQuery(Fields.YEAR, f.years().from(), f.years().to()));
    }
    return ddq;
  }

  /** The scored query for {@code text} restricted to papers passing the filters, as search ranks it. */
  public Query query(LiveIndex.Snapshot searcher, String text, SearchFilters filters) throws IOException {
    if (text.length() > SearchRequest.MAX_QUERY_CHARS) {
      throw new InvalidRequestException("query_too_long",
          "the query must be at most " + SearchRequest.MAX_QUERY_CHARS + " characters, got " + text.length());
    }
    return query((IndexSearcher) searcher, text, filters);
  }

  /** The filters as one non-scoring query, for callers (similar papers, experts) that need no facets. */
  public Query filterQuery(SearchFilters f) {
    return drillDown(papersOnly(new org.apache.lucene.search.MatchAllDocsQuery(), f), f);
  }

  private static Sort sortFor(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> null;
      case DATE -> new Sort(new SortField(Fields.DATE_SORT, SortField.Type.LONG, false), SortField.FIELD_SCORE);
      case NEWEST -> new Sort(new SortField(Fields.DATE_SORT, SortField.Type.LONG, true), SortField.FIELD_SCORE);
    };
  }

  private static Map<String, List<FacetValue>> facetCounts(Facets facets, int limit) throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : FACET_DIMS) {
      List<FacetValue> values = new ArrayList<>();
      FacetResult r;
      try {
        r = facets.getTopChildren(limit, dim);
      } catch (IllegalArgumentException dimensionNeverIndexed) {
        r = null;
      }
      if (r != null) {
        for (LabelAndValue lv : r.labelValues) {
          values.add(new FacetValue(lv.label, lv.value.intValue()));
        }
      }
      out.put(dim, values);
    }
    return out;
  }

  private List<PaperHit> hits(LiveIndex.Snapshot searcher, List<Ranked> ranked, SearchRequest req, Query text,
      Query lexical, SearchMode mode) throws IOException {
    int from = Math.min(req.offset(), ranked.size());
    List<Ranked> page = ranked.subList(from, Math.min(ranked.size(), req.offset() + req.limit()));
    if (page.isEmpty()) {
      return List.of();
    }
    int[] docIds = page.stream().mapToInt(Ranked::doc).toArray();
    String[] snippets = highlighter(searcher, req.exact())
        .highlightFields(new String[] {Fields.ABSTRACT}, text, docIds, new int[] {2}).get(Fields.ABSTRACT);
    StoredFields stored = searcher.storedFields();
    List<PaperHit> hits = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      Ranked r = page.get(i);
      Paper p = RecordJson.paper(stored.document(r.doc()).get(Fields.RECORD));
      String matchedBy = r.fused() != null ? r.fused().matchedBy() : mode == SearchMode.SEMANTIC ? "semantic" : "lexical";
      Float similarity = r.fused() != null && r.fused().semantic() ? Float.valueOf(r.fused().similarity()) : null;
      String explanation = req.explain() ? explain(searcher, r, lexical, mode) : null;
      hits.add(new PaperHit(p.id(), p.title(), p.authorNames(), p.authors().stream().map(Authorship::researcherId).toList(),
          p.year(), p.date(), p.categories(), p.venue(), p.type(), p.hasCode(), r.score(),
          snippets[i] == null ? "" : snippets[i], explanation, matchedBy, similarity));
    }
    return hits;
  }

  /** Both contributions of a fused hit, then Lucene's own explanation of the lexical score. */
  private String explain(LiveIndex.Snapshot searcher, Ranked r, Query lexical, SearchMode mode) throws IOException {
    RankFusion.Fused f = r.fused();
    if (mode == SearchMode.SEMANTIC && f != null) {
      return String.format(java.util.Locale.ROOT, "semantic: rank %d, cosine similarity %.4f to the query (%s)",
          f.semanticRank(), f.similarity(), queryVectors.model());
    }
    if (f == null) {
      return searcher.explain(lexical, r.doc()).toString();
    }
    StringBuilder sb = new StringBuilder(RankFusion.explain(f, hybrid, queryVectors.model()));
    if (f.lexical() && lexical != null) {
      sb.append("lexical score:\n").append(searcher.explain(lexical, r.doc()));
    }
    return sb.toString();
  }

  private UnifiedHighlighter highlighter(IndexSearcher searcher, boolean exact) {
    UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withMaxLength(20_000)
        // Free text is searched in the combined title+abstract field: its words highlight the abstract too.
        .withFieldMatcher(f -> f.equals(Fields.ABSTRACT) || f.equals(Fields.TEXT) || f.equals(Fields.ABSTRACT_EXACT));
    if (exact) {
      // The exact field is not stored: highlight the stored abstract with the exact field's offsets.
      b.withMaskedFieldsFunc(field -> Fields.ABSTRACT.equals(field) ? Set.of(Fields.ABSTRACT_EXACT) : Set.of());
    }
    return b.build();
  }
}
