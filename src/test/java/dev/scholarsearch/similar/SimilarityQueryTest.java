package dev.scholarsearch.similar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** The words a similar-paper query weighs, in an order that is the same on every run. */
class SimilarityQueryTest {
  private static BooleanClause term(String word, float boost) {
    return new BooleanClause(new BoostQuery(new TermQuery(new Term("text", word)), boost), BooleanClause.Occur.SHOULD);
  }

  @Test
  void heaviestFirstAndEqualWeightsByWord() {
    // MoreLikeThis hands equal-scored words over in no fixed order; README's sharedTerms drifted with it.
    BooleanQuery mlt = new BooleanQuery.Builder().add(term("stochastic", 1f)).add(term("langevin", 2f))
        .add(term("gradient", 1f)).add(term("dynamics", 3f)).build();
    assertEquals(List.of("dynamics", "langevin", "gradient", "stochastic"),
        List.copyOf(SimilarityQuery.termBoosts(mlt).keySet()));
  }
}
