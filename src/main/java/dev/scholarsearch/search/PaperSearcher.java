package dev.scholarsearch.search;

import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Paper;
import java.io.IOException;
import java.util.ArrayList;
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
  public static final List<String> FACET_DIMS =
      List.of(Fields.FACET_AUTHOR, Fields.FACET_CATEGORY, Fields.FACET_YEAR, Fields.FACET_VENUE, Fields.FACET_TYPE);

  /** Without facets, hits are counted exactly up to this many; beyond it the total is a lower bound. */
  static final int EXACT_TOTAL_UP_TO = 1_000;

  private final LiveIndex index;
  private final Analyzer analyzer = Analyzers.perField();
  private final UserQueryParser parser;
  private final QueryRefiner refiner;
  private final FacetsConfig facetsConfig = Fields.facetsConfig();

  public PaperSearcher(LiveIndex index) {
    this(index, SearchTuning.DEFAULT);
  }

  public PaperSearcher(LiveIndex index, SearchTuning tuning) {
    this.index = index;
    this.parser = new UserQueryParser(analyzer, tuning.weights());
    this.refiner = new QueryRefiner(tuning);
  }

  /** A paper id and its relevance score. */
  public record ScoredPaper(String id, float score) {}

  /**
   * The top {@code n} papers for {@code text} by relevance: exactly the ranking {@link #search}
   * pages through, without facets and snippets (the evaluation uses it).
   */
  public List<ScoredPaper> rank(String text, SearchFilters filters, int n) {
    return index.search(searcher -> {
      TopDocs top = searcher.search(query(searcher, text, filters), n);
      StoredFields stored = searcher.storedFields();
      List<ScoredPaper> out = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        out.add(new ScoredPaper(stored.document(sd.doc, Set.of(Fields.ID)).get(Fields.ID), sd.score));
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
    // With no query there is no relevance to order by: list the newest papers first.
    Sort sort = sortFor(req.sort() == SortOrder.RELEVANCE && req.query().isBlank() ? SortOrder.NEWEST : req.sort());
    return index.search(searcher -> {
      Query ranked = sort == null ? refined(searcher, req.query(), req.exact(), req.filters()) : text;
      Query base = papersOnly(ranked, req.filters());
      DrillDownQuery ddq = drillDown(base, req.filters());
      TopDocs top;
      Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
      if (req.facetLimit() > 0 && searcher.facetState() != null) {
        DrillSideways ds = new DrillSideways(searcher.untimed(), facetsConfig, searcher.facetState());
        DrillSideways.ConcurrentDrillSidewaysResult<? extends TopDocs> r = sort == null
            ? ds.search(ddq, searcher.withDeadline(new TopScoreDocCollectorManager(topN, Integer.MAX_VALUE)))
            : ds.search(ddq, searcher.withDeadline(new TopFieldCollectorManager(sort, topN, Integer.MAX_VALUE)));
        top = r.collectorResult;
        facets = facetCounts(r.facets, req.facetLimit());
      } else {
        // No facets asked for: count hits exactly only up to a threshold, which lets Lucene skip
        // blocks that cannot reach the top (block-max WAND); the total is then a lower bound.
        int threshold = Math.max(topN, EXACT_TOTAL_UP_TO);
        top = sort == null
            ? searcher.search(ddq, new TopScoreDocCollectorManager(topN, threshold))
            : searcher.search(ddq, new TopFieldCollectorManager(sort, topN, threshold));
        for (String dim : FACET_DIMS) {
          facets.put(dim, List.of());
        }
      }
      List<PaperHit> hits = hits(searcher, top, req, text, base);
      // Too many clauses (a short prefix, a fuzzy term) is answered centrally by LiveIndex.search as a 400.
      return new SearchResult(top.totalHits.value(),
          top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? "eq" : "gte", req.offset(), req.limit(), hits, facets);
    });
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

  private List<PaperHit> hits(LiveIndex.Snapshot searcher, TopDocs top, SearchRequest req, Query text, Query base)
      throws IOException {
    int from = Math.min(req.offset(), top.scoreDocs.length);
    ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
    if (page.length == 0) {
      return List.of();
    }
    int[] docIds = new int[page.length];
    for (int i = 0; i < page.length; i++) {
      docIds[i] = page[i].doc;
    }
    String[] snippets = highlighter(searcher, req.exact())
        .highlightFields(new String[] {Fields.ABSTRACT}, text, docIds, new int[] {2}).get(Fields.ABSTRACT);
    StoredFields stored = searcher.storedFields();
    List<PaperHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Paper p = RecordJson.paper(stored.document(page[i].doc).get(Fields.RECORD));
      String explanation = req.explain() ? searcher.explain(base, page[i].doc).toString() : null;
      hits.add(new PaperHit(p.id(), p.title(), p.authorNames(), p.authors().stream().map(Authorship::researcherId).toList(),
          p.year(), p.date(), p.categories(), p.venue(), p.type(), p.hasCode(),
          Float.isNaN(page[i].score) ? 0f : page[i].score, snippets[i] == null ? "" : snippets[i], explanation));
    }
    return hits;
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
