package dev.scholarsearch.search;

import dev.scholarsearch.index.Fields;
import java.util.List;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Search filters as Lucene queries: papers only, the facet filters as drill-downs. */
public final class PaperFilters {
  private static final FacetsConfig FACETS = Fields.facetsConfig();

  private PaperFilters() {}

  /**
   * {@code q} restricted to papers passing {@code f}, scored as {@code q} alone. The facet filters
   * are drill-downs, so that DrillSideways can count each facet without its own filter.
   */
  public static DrillDownQuery restrict(Query q, SearchFilters f) {
    // One compound filter, not bare term queries: Lucene's query cache never caches a TermQuery, but
    // caches a reused BooleanQuery filter as a bit set, which a long similar-paper disjunction
    // (a hundred clauses) then meets at the cost of a bit test per match.
    BooleanQuery.Builder papers = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PAPER)), BooleanClause.Occur.FILTER);
    if (f.hasCodeOnly()) {
      papers.add(new TermQuery(new Term(Fields.HAS_CODE, "true")), BooleanClause.Occur.FILTER);
    }
    BooleanQuery.Builder b = required(q);
    b.add(papers.build(), BooleanClause.Occur.FILTER);
    DrillDownQuery ddq = new DrillDownQuery(FACETS, b.build());
    f.authors().forEach(v -> ddq.add(Fields.FACET_AUTHOR, v));
    f.categories().forEach(v -> ddq.add(Fields.FACET_CATEGORY, v));
    f.venues().forEach(v -> ddq.add(Fields.FACET_VENUE, v));
    f.types().forEach(v -> ddq.add(Fields.FACET_TYPE, v));
    if (!f.years().isAny()) {
      ddq.add(Fields.FACET_YEAR, IntPoint.newRangeQuery(Fields.YEAR, f.years().from(), f.years().to()));
    }
    return ddq;
  }

  /**
   * A builder that requires {@code q}, for filters to be added to. A query of required and
   * prohibited clauses alone joins it clause by clause, scored the same: Lucene flattens nested
   * conjunctions, but not one with a prohibited clause, and the nested form gets a slower scorer
   * that checks each match doc by doc (a third of a similar-paper search's time in WAND; in RM3's
   * first pass, 70% of it and twice the p50 on the 86k corpus).
   */
  public static BooleanQuery.Builder required(Query q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (q instanceof BooleanQuery bq && bq.getMinimumNumberShouldMatch() == 0
        && bq.clauses().stream().noneMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)) {
      bq.clauses().forEach(b::add);
    } else {
      b.add(q, BooleanClause.Occur.MUST);
    }
    return b;
  }

  /** The papers passing {@code f}, as one non-scoring query. */
  public static Query of(SearchFilters f) {
    return restrict(MatchAllDocsQuery.INSTANCE, f);
  }

  /**
   * The filter of a search for the nearest papers passing {@code f} that match none of {@code
   * prohibited}; null when that is every paper. Only paper documents have vectors, so such a search
   * needs no filter, and without one Lucene neither builds a bit set of every paper for each query
   * nor tests it at each step through the graph: at k = 1,000 on the 86k corpus the kNN search took
   * a fifth less time and found the same neighbours (docs/BENCHMARKS.md).
   */
  public static Query nearestFilter(SearchFilters f, List<Query> prohibited) {
    return f.isEmpty() && prohibited.isEmpty() ? null : excluding(f, prohibited);
  }

  /** The papers passing {@code f} that match none of {@code prohibited}. */
  public static Query excluding(SearchFilters f, List<Query> prohibited) {
    Query base = of(f);
    if (prohibited.isEmpty()) {
      return base;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(base, BooleanClause.Occur.FILTER);
    prohibited.forEach(q -> b.add(q, BooleanClause.Occur.MUST_NOT));
    return b.build();
  }
}
