package dev.scholarsearch.search;

import dev.scholarsearch.index.Fields;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

/**
 * Improves a parsed relevance query without changing which papers match it: a proximity boost for
 * query words that occur near each other, and RM3 pseudo-relevance feedback, whose expansion terms
 * re-rank the matches (they are optional clauses next to the required original query).
 */
final class QueryRefiner {
  /** The first 17 words of a long pasted query give 16 pairs; later pairs add cost, not precision. */
  static final int MAX_PAIRED_WORDS = 17;
  private final SearchTuning tuning;

  QueryRefiner(SearchTuning tuning) {
    this.tuning = tuning;
  }

  /**
   * The refined form of {@code q}'s query (without filters); {@code firstPass} is the same query
   * with the filters, whose top papers feed RM3 ({@code searcher} null: no RM3). Words the query only prohibits take no part.
   */
  Query refine(IndexSearcher searcher, UserQuery q, Query firstPass) throws IOException {
    Query original = q.query();
    List<String> loose = q.looseWords();
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(original, BooleanClause.Occur.MUST);
    boolean changed = false;
    if (tuning.proximityWeight() > 0 && loose.size() > 1) {
      // Pairs beyond the first few add cost, not precision: a long pasted query keeps the first 16.
      for (int i = 0; i + 1 < Math.min(loose.size(), MAX_PAIRED_WORDS); i++) {
        // In the combined field, where the title and the abstract lie far apart (a pair never spans
        // the two). A pair in the title field as well counted title pairs twice: CACM lost 0.005.
        PhraseQuery pair = new PhraseQuery(tuning.proximitySlop(), Fields.TEXT, loose.get(i), loose.get(i + 1));
        b.add(new BoostQuery(pair, tuning.proximityWeight()), BooleanClause.Occur.SHOULD);
      }
      changed = true;
    }
    // Without a local searcher (an engine elsewhere ranks) there are no statistics to learn from.
    if (tuning.feedbackDocs() > 0 && !q.words().isEmpty() && searcher != null) {
      Query expansion = Feedback.expansion(searcher, firstPass, tuning.feedbackDocs(), tuning.feedbackTerms(),
          new HashSet<>(q.words()).size() * (1 - tuning.originalWeight()) / tuning.originalWeight(), tuning.titleWeight());
      if (expansion != null) {
        b.add(expansion, BooleanClause.Occur.SHOULD);
        changed = true;
      }
    }
    if (!changed) {
      return original;
    }
    return b.build();
  }
}
