package dev.scholarsearch.search;

import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.InvalidRequestException;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanPositionRangeQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * {@code abstract:x}: a query over the combined field, kept to the abstract's positions. The
 * abstract has no field of its own; in the combined field it starts at {@link
 * Fields#ABSTRACT_START}, so each word or phrase becomes a span query limited to the positions
 * from there on, scored with the combined field's statistics.
 */
final class AbstractPositions {
  /** A prefix or fuzzy term inside the abstract expands to at most this many words. */
  static final int MAX_EXPANSIONS = 64;

  private AbstractPositions() {}

  /** {@code q}, parsed over the combined field, with every word and phrase in it kept to the abstract. */
  static Query of(Query q) {
    if (q instanceof BooleanQuery bq) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
      for (BooleanClause c : bq.clauses()) {
        b.add(of(c.query()), c.occur());
      }
      return b.build();
    }
    if (q instanceof BoostQuery boost) {
      return new BoostQuery(of(boost.getQuery()), boost.getBoost());
    }
    if (q instanceof MatchNoDocsQuery) {
      return q;
    }
    return new SpanPositionRangeQuery(span(q), Fields.ABSTRACT_START, Integer.MAX_VALUE);
  }

  private static SpanQuery span(Query q) {
    if (q instanceof TermQuery t) {
      return new SpanTermQuery(t.getTerm());
    }
    if (q instanceof PhraseQuery p) {
      return phrase(p);
    }
    if (q instanceof MultiTermQuery m) {
      SpanMultiTermQueryWrapper<MultiTermQuery> w = new SpanMultiTermQueryWrapper<>(m);
      w.setRewriteMethod(new SpanMultiTermQueryWrapper.TopTermsSpanBooleanQueryRewrite(MAX_EXPANSIONS));
      return w;
    }
    throw new InvalidRequestException("unsupported_query",
        "abstract: cannot be combined with this part of the query: " + q + ". Use words, quoted phrases or prefix*");
  }

  /** A phrase as spans in order, with its holes (removed stop words) kept; a sloppy one in any order. */
  private static SpanQuery phrase(PhraseQuery p) {
    Term[] terms = p.getTerms();
    int[] positions = p.getPositions();
    if (terms.length == 1) {
      return new SpanTermQuery(terms[0]);
    }
    boolean inOrder = p.getSlop() == 0;
    int holes = positions[positions.length - 1] - positions[0] - (terms.length - 1);
    SpanNearQuery.Builder b = new SpanNearQuery.Builder(terms[0].field(), inOrder)
        .setSlop(inOrder ? 0 : p.getSlop() + holes);
    for (int i = 0; i < terms.length; i++) {
      if (inOrder && i > 0 && positions[i] - positions[i - 1] > 1) {
        b.addGap(positions[i] - positions[i - 1] - 1);
      }
      b.addClause(new SpanTermQuery(terms[i]));
    }
    return b.build();
  }
}
