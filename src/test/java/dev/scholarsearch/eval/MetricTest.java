package dev.scholarsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed cases. */
class MetricTest {
  private static final double EPS = 1e-9;

  @Test
  void ndcgWithGradedGains() {
    // Judged: a=3, b=2, c=1. Ranking: c, x (unjudged), a.
    // DCG@3 = 1/log2(2) + 0 + 3/log2(4) = 1 + 1.5 = 2.5
    // IDCG@3 = 3/1 + 2/log2(3) + 1/2 = 3 + 1.2618595071429148 + 0.5 = 4.761859507142915
    Map<String, Integer> judged = Map.of("a", 3, "b", 2, "c", 1);
    assertEquals(2.5 / 4.761859507142915, Metric.parse("ndcg@3").score(List.of("c", "x", "a"), judged), EPS);
    // Perfect order scores 1.
    assertEquals(1.0, Metric.parse("ndcg@10").score(List.of("a", "b", "c"), judged), EPS);
    // Cutoff 1: only c counts: 1 / 3.
    assertEquals(1.0 / 3, Metric.parse("ndcg@1").score(List.of("c", "a"), judged), EPS);
  }

  @Test
  void averagePrecisionCountsUnjudgedAsNotRelevant() {
    // Relevant: a, b, d (3). Ranking: a, x, b, y; d not retrieved.
    // AP = (1/1 + 2/3) / 3 = 0.5555...
    Map<String, Integer> judged = Map.of("a", 1, "b", 1, "d", 1, "n", 0);
    assertEquals((1.0 + 2.0 / 3) / 3, Metric.parse("map").score(List.of("a", "x", "b", "y"), judged), EPS);
    // A document judged non-relevant (gain 0) is no better than an unjudged one.
    assertEquals((1.0 + 2.0 / 3) / 3, Metric.parse("map").score(List.of("a", "n", "b"), judged), EPS);
  }

  @Test
  void precisionAndRecallAtK() {
    Map<String, Integer> judged = Map.of("a", 1, "b", 1, "c", 1, "d", 1);
    assertEquals(0.2, Metric.parse("p@10").score(List.of("a", "x", "b"), judged), EPS, "p@10 divides by 10");
    assertEquals(0.5, Metric.parse("recall@3").score(List.of("a", "x", "b", "c"), judged), EPS);
  }

  @Test
  void emptyRunsScoreZeroAndStillCount() {
    Qrels qrels = new Qrels(Map.of("1", Map.of("a", 1), "2", Map.of("b", 1), "3", Map.of("c", 0)));
    Run run = new Run("t", Map.of("1", List.of(new Run.Scored("a", 1.0))));
    // Topic 3 has no relevant document: not averaged. Topic 2 retrieved nothing: counts as 0.
    assertEquals(0.5, Evaluation.evaluate(run, qrels, List.of(Metric.parse("map"))).get("map"), EPS);
    assertEquals(0.0, Metric.parse("ndcg@10").score(List.of(), Map.of("a", 1)), EPS);
    assertEquals(0.0, Evaluation.evaluate(new Run("t", Map.of()), qrels, List.of(Metric.parse("ndcg@10"))).get("ndcg@10"), EPS);
  }

  @Test
  void unknownMetricsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Metric.parse("mrr"));
    assertThrows(IllegalArgumentException.class, () -> Metric.parse("ndcg@x"));
    assertThrows(IllegalArgumentException.class, () -> Metric.parse("p@0"));
  }
}
