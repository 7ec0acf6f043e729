package dev.scholarsearch.search;

import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.LiveIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.TotalHits;

/** The {@link Retriever} over one local Lucene index. */
public final class LuceneRetriever implements Retriever {
  /** Without facets, hits are counted exactly up to this many; beyond it the total is a lower bound. */
  static final int EXACT_TOTAL_UP_TO = 1_000;

  private final FacetsConfig facetsConfig = Fields.facetsConfig();
  private final FacetDrillSideways.Sampling sampling;
  private final HeapFacetCounts.Ordinals ordinals = new HeapFacetCounts.Ordinals();

  public LuceneRetriever() {
    this(FacetDrillSideways.Sampling.standard());
  }

  LuceneRetriever(FacetDrillSideways.Sampling sampling) {
    this.sampling = sampling;
  }

  @Override
  public Retrieval retrieve(LiveIndex.Snapshot searcher, RetrievalPlan plan, SortOrder order, Counting counting)
      throws IOException {
    Optional<Query> lexical = switch (plan) {
      case RetrievalPlan.Lexical l -> Optional.of(l.query());
      case RetrievalPlan.Hybrid h -> Optional.of(h.lexical());
      case RetrievalPlan.Semantic s -> Optional.empty();
    };
    Optional<DrillDownQuery> lexicalFiltered = lexical.map(q -> PaperFilters.restrict(q, plan.filters()));
    Optional<Sort> sort = sortFor(order);
    switch (plan) {
      case RetrievalPlan.Lexical l -> {
        Collected c = collectTop(searcher, lexicalFiltered.orElseThrow(), sort, plan, counting,
            Optional.empty());
        return c.retrieval(lexicalFiltered);
      }
      case RetrievalPlan.Semantic s -> {
        // Rewritten once, so the same top-k serves ranking, facets and counts.
        Query knn = knn(searcher, s.vector(), PaperFilters.nearestFilter(s.filters(), s.prohibited()), s.nearest());
        List<RankFusion.Fused> fused = RankFusion.fuse(new ScoreDoc[0], nearest(searcher, knn), s.fusion());
        return collectFused(searcher, knn, sort, plan, counting, fused).retrieval(lexicalFiltered);
      }
      case RetrievalPlan.Hybrid h -> {
        List<RankFusion.Fused> fused = HybridRanking.of(searcher, h, lexicalFiltered.orElseThrow());
        // A match is a keyword match, or a paper the fusion kept for its meaning alone. Worked out
        // only when counted or sorted by: it reads the id of every paper found by meaning alone.
        Query matches = sort.isEmpty() && !counting.total() ? new MatchNoDocsQuery("not counted")
            : new BooleanQuery.Builder()
                .add(h.lexical(), BooleanClause.Occur.SHOULD)
                .add(meaningOnly(searcher, fused), BooleanClause.Occur.SHOULD).build();
        return collectFused(searcher, matches, sort, plan, counting, fused).retrieval(lexicalFiltered);
      }
    }
  }

  private Collected collectFused(LiveIndex.Snapshot searcher, Query matches, Optional<Sort> sort, RetrievalPlan plan,
      Counting counting, List<RankFusion.Fused> fused) throws IOException {
    DrillDownQuery ddq = PaperFilters.restrict(matches, plan.filters());
    return sort.isPresent() ? collectTop(searcher, ddq, sort, plan, counting, Optional.of(fused))
        : countFused(searcher, ddq, plan, counting, fused);
  }

  private record Collected(List<Retrieval.Ranked> ranked, long total, boolean exact,
      Map<String, List<FacetValue>> facets, List<String> estimated) {
    Retrieval retrieval(Optional<DrillDownQuery> lexical) {
      return new Retrieval(ranked, total, exact, facets, estimated, lexical.map(Query.class::cast));
    }
  }

  /** The top documents of {@code ddq} by BM25 or by date, with what a fusion said of each. */
  private Collected collectTop(LiveIndex.Snapshot searcher, DrillDownQuery ddq, Optional<Sort> sort, RetrievalPlan plan,
      Counting counting, Optional<List<RankFusion.Fused>> fused) throws IOException {
    int topN = plan.depth();
    TopDocs top;
    Map<String, List<FacetValue>> facets = noFacets();
    List<String> estimated = List.of();
    if (withFacets(searcher, counting)) {
      FacetDrillSideways ds = new FacetDrillSideways(searcher, facetsConfig, sampling, ordinals);
      DrillSideways.ConcurrentDrillSidewaysResult<? extends TopDocs> r = sort.isEmpty()
          ? ds.search(ddq, searcher.withDeadline(new TopScoreDocCollectorManager(topN, Integer.MAX_VALUE)))
          : ds.search(ddq, searcher.withDeadline(new TopFieldCollectorManager(sort.get(), topN, Integer.MAX_VALUE)));
      top = r.collectorResult;
      facets = facetCounts(r.facets, counting.facetLimit());
      estimated = ds.estimated();
    } else {
      // No facets asked for: count hits exactly only up to a threshold, which lets Lucene skip
      // blocks that cannot reach the top (block-max WAND); the total is then a lower bound.
      int threshold = Math.max(topN, EXACT_TOTAL_UP_TO);
      top = sort.isEmpty()
          ? searcher.search(ddq, new TopScoreDocCollectorManager(topN, threshold))
          : searcher.search(ddq, new TopFieldCollectorManager(sort.get(), topN, threshold));
    }
    // Sorted by date in semantic or hybrid mode: each hit keeps what the fusion said of it.
    Map<Integer, RankFusion.Fused> byDoc = new HashMap<>();
    fused.ifPresent(list -> list.forEach(f -> byDoc.put(f.doc(), f)));
    List<Retrieval.Ranked> ranked = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      Optional<RankFusion.Fused> f = Optional.ofNullable(byDoc.get(sd.doc));
      float score = f.map(x -> score(plan, x)).orElse(Float.isNaN(sd.score) ? 0f : sd.score);
      ranked.add(new Retrieval.Ranked(sd.doc, score, f));
    }
    return new Collected(ranked, top.totalHits.value(), top.totalHits.relation() == TotalHits.Relation.EQUAL_TO,
        facets, estimated);
  }

  /**
   * Relevance in semantic or hybrid mode: the ranking is the fused one; facets and the total count
   * the union of what either side matched.
   */
  private Collected countFused(LiveIndex.Snapshot searcher, DrillDownQuery ddq, RetrievalPlan plan, Counting counting,
      List<RankFusion.Fused> fused) throws IOException {
    List<Retrieval.Ranked> ranked = fused.subList(0, Math.min(plan.depth(), fused.size())).stream()
        .map(f -> new Retrieval.Ranked(f.doc(), score(plan, f), Optional.of(f))).toList();
    if (withFacets(searcher, counting)) {
      FacetDrillSideways ds = new FacetDrillSideways(searcher, facetsConfig, sampling, ordinals);
      DrillSideways.ConcurrentDrillSidewaysResult<Integer> r =
          ds.search(ddq, searcher.withDeadline(new TotalHitCountCollectorManager(searcher.untimed().getSlices())));
      return new Collected(ranked, r.collectorResult, true, facetCounts(r.facets, counting.facetLimit()), ds.estimated());
    }
    if (!counting.total()) {
      return new Collected(ranked, fused.size(), true, noFacets(), List.of());
    }
    TopDocs count = searcher.search(ddq, new TopScoreDocCollectorManager(1, EXACT_TOTAL_UP_TO));
    return new Collected(ranked, Math.max(count.totalHits.value(), fused.size()),
        count.totalHits.relation() == TotalHits.Relation.EQUAL_TO, noFacets(), List.of());
  }

  /** Semantic alone scores by cosine similarity; hybrid by the fused score. */
  private static float score(RetrievalPlan plan, RankFusion.Fused f) {
    return plan instanceof RetrievalPlan.Semantic ? f.similarity() : (float) f.score();
  }

  private static boolean withFacets(LiveIndex.Snapshot searcher, Counting counting) {
    return counting.facetLimit() > 0 && !searcher.facetStates().isEmpty();
  }

  /**
   * The {@code k} papers nearest to {@code v} among those passing {@code filter} (every paper when
   * it is null, {@link PaperFilters#nearestFilter}): the filter is applied inside the HNSW search
   * (pre-filtering), so a narrow filter still gets {@code k} hits.
   */
  static Query knn(LiveIndex.Snapshot searcher, Optional<float[]> v, Query filter, int k) throws IOException {
    if (v.isEmpty()) {
      return new MatchNoDocsQuery("the query has no words to embed");
    }
    return searcher.rewrite(new KnnFloatVectorQuery(Fields.VECTOR, v.get(), k, filter));
  }

  /** The documents of a rewritten kNN query, nearest first. */
  static ScoreDoc[] nearest(LiveIndex.Snapshot searcher, Query knn) throws IOException {
    return searcher.search(knn, HybridTuning.MAX_SEMANTIC_DEPTH).scoreDocs;
  }

  /** The fused hits that only the semantic side found, as a query, for counts and facets. */
  private static Query meaningOnly(LiveIndex.Snapshot searcher, List<RankFusion.Fused> fused) {
    int[] docs = fused.stream().filter(f -> !f.lexical()).mapToInt(RankFusion.Fused::doc).toArray();
    return docs.length == 0 ? MatchNoDocsQuery.INSTANCE : new DocNumbersQuery(searcher.getIndexReader(), docs);
  }

  private static Optional<Sort> sortFor(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> Optional.empty();
      case DATE -> Optional.of(new Sort(new SortField(Fields.DATE_SORT, SortField.Type.LONG, false), SortField.FIELD_SCORE));
      case NEWEST -> Optional.of(new Sort(new SortField(Fields.DATE_SORT, SortField.Type.LONG, true), SortField.FIELD_SCORE));
    };
  }

  private static Map<String, List<FacetValue>> noFacets() {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    Fields.FACET_DIMS.forEach(dim -> out.put(dim, List.of()));
    return out;
  }

  private static Map<String, List<FacetValue>> facetCounts(Facets facets, int limit) throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : Fields.FACET_DIMS) {
      List<FacetValue> values = new ArrayList<>();
      FacetResult r;
      try {
        r = facets.getTopChildren(limit, dim);
      } catch (IllegalArgumentException dimensionNeverIndexed) {
        r = null;
      }
      if (r != null) {
        Arrays.stream(r.labelValues).map(lv -> new FacetValue(lv.label, lv.value.intValue())).forEach(values::add);
      }
      out.put(dim, values);
    }
    return out;
  }
}
