package dev.scholarsearch.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A per-topic effectiveness measure over a ranked list, as trec_eval computes it: {@code map},
 * {@code ndcg@k} (graded gains, log2 discount, ideal from all judged documents), {@code p@k},
 * {@code recall@k}.
 */
public record Metric(String name, Kind kind, int k) {
  /** The measures this command knows. */
  public enum Kind { MAP, NDCG, PRECISION, RECALL }

  public static Metric parse(String spec) {
    String s = spec.strip().toLowerCase(Locale.ROOT);
    if (s.equals("map")) {
      return new Metric("map", Kind.MAP, Integer.MAX_VALUE);
    }
    String[] parts = s.split("@", 2);
    if (parts.length == 2) {
      int k;
      try {
        k = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("metric cutoff must be a number: '" + spec + "'");
      }
      if (k < 1) {
        throw new IllegalArgumentException("metric cutoff must be at least 1: '" + spec + "'");
      }
      Kind kind = switch (parts[0]) {
        case "ndcg" -> Kind.NDCG;
        case "p" -> Kind.PRECISION;
        case "recall" -> Kind.RECALL;
        default -> null;
      };
      if (kind != null) {
        return new Metric(s, kind, k);
      }
    }
    throw new IllegalArgumentException("unknown metric '" + spec + "'; known: map, ndcg@K, p@K, recall@K");
  }

  /** The measure for one topic: {@code ranking} is best first, {@code judged} maps documents to gains. */
  public double score(List<String> ranking, Map<String, Integer> judged) {
    long relevant = judged.values().stream().filter(g -> g > 0).count();
    if (relevant == 0) {
      return 0;
    }
    int depth = Math.min(k, ranking.size());
    return switch (kind) {
      case MAP -> {
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < ranking.size(); i++) {
          if (judged.getOrDefault(ranking.get(i), 0) > 0) {
            hits++;
            sum += (double) hits / (i + 1);
          }
        }
        yield sum / relevant;
      }
      case PRECISION -> {
        int hits = 0;
        for (int i = 0; i < depth; i++) {
          hits += judged.getOrDefault(ranking.get(i), 0) > 0 ? 1 : 0;
        }
        yield (double) hits / k; // trec_eval divides by k even when fewer were retrieved
      }
      case RECALL -> {
        int hits = 0;
        for (int i = 0; i < depth; i++) {
          hits += judged.getOrDefault(ranking.get(i), 0) > 0 ? 1 : 0;
        }
        yield (double) hits / relevant;
      }
      case NDCG -> {
        double dcg = 0;
        for (int i = 0; i < depth; i++) {
          dcg += Math.max(0, judged.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = new ArrayList<>(judged.values());
        ideal.sort(Comparator.reverseOrder());
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
          idcg += Math.max(0, ideal.get(i)) / log2(i + 2);
        }
        yield idcg == 0 ? 0 : dcg / idcg;
      }
    };
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
