package dev.scholarsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

class RankFusionTest {
  /** Lucene's DOT_PRODUCT kNN score for a cosine. */
  static float knn(double cos) {
    return (float) ((1 + cos) / 2);
  }

  @Test
  void normalisedScoresCombineBothSides() {
    ScoreDoc[] lexical = {new ScoreDoc(1, 10f), new ScoreDoc(2, 5f)};
    ScoreDoc[] semantic = {new ScoreDoc(3, knn(0.8)), new ScoreDoc(1, knn(0.6)), new ScoreDoc(4, knn(0.2))};
    List<RankFusion.Fused> f = RankFusion.fuse(lexical, semantic, HybridTuning.DEFAULT);
    // doc 1: 0.6 * 10/10 + 0.4 * (0.6-0.2)/(0.8-0.2); doc 3: 0.4 * 1; doc 2: 0.6 * 5/10; doc 4: 0.
    assertEquals(List.of(1, 3, 2, 4), f.stream().map(RankFusion.Fused::doc).toList());
    assertEquals(0.6 + 0.4 * (0.4 / 0.6), f.get(0).score(), 1e-5);
    assertEquals(0.4, f.get(1).score(), 1e-5);
    assertEquals(0.3, f.get(2).score(), 1e-5);
    assertEquals("both", f.get(0).matchedBy());
    assertEquals("semantic", f.get(1).matchedBy());
    assertEquals("lexical", f.get(2).matchedBy());
    assertEquals(0.6f, f.get(0).similarity(), 1e-5);
  }

  @Test
  void afterFeedbackTheMovedCosinesRankAndTheQuerysOwnDecideWhatIsClose() {
    ScoreDoc[] lexical = {new ScoreDoc(1, 10f)};
    // Ranked by the moved vector: doc 3 first, doc 4 second; to the query itself doc 3 is far.
    ScoreDoc[] moved = {new ScoreDoc(3, knn(0.9)), new ScoreDoc(4, knn(0.7)), new ScoreDoc(1, knn(0.5))};
    float[] toQuery = {0.1f, 0.6f, 0.4f};
    List<RankFusion.Fused> f = RankFusion.fuse(lexical, moved, toQuery, HybridTuning.DEFAULT);
    RankFusion.Fused three = f.stream().filter(x -> x.doc() == 3).findFirst().orElseThrow();
    assertEquals(0.4, three.semanticPart(), 1e-5, "the best moved cosine gets the whole semantic share");
    assertEquals(0.1f, three.similarity(), 1e-6);
    assertEquals(0.9f, three.rankedSimilarity(), 1e-6);
    assertEquals("semantic", three.matchedBy());
    assertTrue(!three.close(), "0.1 to the query is below minSimilarity, whatever the moved vector says");
    assertTrue(f.stream().filter(x -> x.doc() == 4).findFirst().orElseThrow().close());
    assertTrue(RankFusion.explain(three, HybridTuning.DEFAULT, "m").contains("ranked by its cosine 0.9000"));
  }

  @Test
  void reciprocalRankFusionSeesOnlyRanks() {
    HybridTuning d = HybridTuning.DEFAULT;
    HybridTuning rrf = new HybridTuning(HybridTuning.Method.RRF, 60, 1f, d.lexicalShare(), d.semanticDepth(),
        d.lexicalDepth(), d.minSimilarity(), d.feedbackDocs(), d.feedbackWeight());
    ScoreDoc[] lexical = {new ScoreDoc(1, 10f), new ScoreDoc(2, 9f)};
    ScoreDoc[] semantic = {new ScoreDoc(2, knn(0.9)), new ScoreDoc(3, knn(0.5))};
    List<RankFusion.Fused> f = RankFusion.fuse(lexical, semantic, rrf);
    assertEquals(List.of(2, 1, 3), f.stream().map(RankFusion.Fused::doc).toList());
    assertEquals(1.0 / 62 + 1.0 / 61, f.get(0).score(), 1e-9);
    assertEquals(1.0 / 61, f.get(1).score(), 1e-9);
  }

  @Test
  void aFarNeighbourDoesNotCountAsAMatchByMeaning() {
    ScoreDoc[] lexical = {new ScoreDoc(1, 3f)};
    ScoreDoc[] semantic = {new ScoreDoc(2, knn(0.7)), new ScoreDoc(1, knn(0.05))};
    List<RankFusion.Fused> f = RankFusion.fuse(lexical, semantic, HybridTuning.DEFAULT);
    RankFusion.Fused one = f.stream().filter(x -> x.doc() == 1).findFirst().orElseThrow();
    assertEquals("lexical", one.matchedBy(), "cosine 0.05 is below minSimilarity");
  }

  @Test
  void aBadSettingIsNamedWithItsValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new HybridTuning(HybridTuning.Method.SCORES, 60, 0.5f, 0.6f, 4_000, 1_000, 0.3f, 5, 0.5f));
    assertTrue(e.getMessage().contains("semanticDepth=4000"), e.getMessage());
  }

  @Test
  void queryWordsLoseTheSyntax() {
    assertEquals("speculative rollout cache", UserQuery.embeddable("title:\"speculative rollout\" +cache -tree"));
    assertEquals("a b", UserQuery.embeddable("a AND (b | -c)"));
    assertEquals("", UserQuery.embeddable("-only"));
  }
}
