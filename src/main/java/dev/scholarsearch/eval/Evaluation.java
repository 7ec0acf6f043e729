package dev.scholarsearch.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Averages of each metric over the topics that have judgments, as {@code trec_eval -c} reports them. */
public final class Evaluation {
  private Evaluation() {}

  /** Metric name → mean over judged topics (a judged topic the run has nothing for scores 0). */
  public static Map<String, Double> evaluate(Run run, Qrels qrels, List<Metric> metrics) {
    Map<String, Double> out = new LinkedHashMap<>();
    List<String> judged = qrels.topics().stream().filter(qrels::judged).toList();
    for (Metric m : metrics) {
      double sum = 0;
      for (String q : judged) {
        sum += m.score(run.ranking(q), qrels.of(q));
      }
      out.put(m.name(), judged.isEmpty() ? 0 : sum / judged.size());
    }
    return out;
  }
}
