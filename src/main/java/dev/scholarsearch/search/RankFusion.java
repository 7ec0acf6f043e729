package dev.scholarsearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/** Fuses a lexical and a semantic ranking of the same searcher's documents (see {@link HybridTuning}). */
public final class RankFusion {
  private RankFusion() {}

  /**
   * One document of the fused ranking and what each side gave it.
   *
   * @param lexicalRank 1-based rank in the lexical list, 0 when absent
   * @param lexicalScore its BM25 score there
   * @param lexicalPart what the lexical side added to {@code score}
   * @param semanticRank 1-based rank in the semantic list, 0 when absent
   * @param similarity cosine similarity to the query, when on the semantic list
   * @param rankedSimilarity the cosine the semantic side ranked by: to the query vector as moved by
   *     {@link VectorFeedback}, or {@code similarity} itself without feedback
   * @param semanticPart what the semantic side added to {@code score}
   * @param close whether the similarity reaches {@link HybridTuning#minSimilarity()}: only then does
   *     the paper count as matched by meaning (on a small index every paper is among the nearest)
   */
  public record Fused(int doc, double score, int lexicalRank, float lexicalScore, double lexicalPart, int semanticRank,
      float similarity, float rankedSimilarity, double semanticPart, boolean close) {
    public boolean lexical() {
      return lexicalRank > 0;
    }

    public boolean semantic() {
      return semanticRank > 0;
    }

    /** "lexical", "semantic" or "both". */
    public String matchedBy() {
      return lexical() && close ? "both" : lexical() ? "lexical" : "semantic";
    }

    /** A lexical-only entry (no fusion), scored by BM25. */
    public static Fused lexicalOnly(int doc, int rank, float bm25) {
      return new Fused(doc, bm25, rank, bm25, bm25, 0, 0f, 0f, 0, false);
    }
  }

  /** Cosine similarity from a DOT_PRODUCT kNN score, which Lucene maps to (1 + cos) / 2. */
  public static float cosine(float knnScore) {
    return 2 * knnScore - 1;
  }

  /** Fuses the two rankings; ties go to the better lexical rank, then to the lower document number. */
  public static List<Fused> fuse(ScoreDoc[] lexical, ScoreDoc[] semantic, HybridTuning t) {
    return fuse(lexical, semantic, null, t);
  }

  /**
   * Fuses the two rankings, the semantic one ranked by a query vector moved by feedback;
   * {@code similarity[r]} is the cosine of its r-th paper to the query itself, which is what a hit
   * reports and what {@link HybridTuning#minSimilarity()} is tested against. Null: the semantic
   * scores are the query's own.
   */
  public static List<Fused> fuse(ScoreDoc[] lexical, ScoreDoc[] semantic, float[] similarity, HybridTuning t) {
    Map<Integer, double[]> acc = new HashMap<>(); // doc -> lexRank, bm25, lexPart, semRank, cosine, semPart, ranked cosine
    double bestLex = lexical.length == 0 ? 1 : Math.max(lexical[0].score, Float.MIN_NORMAL);
    double bestCos = semantic.length == 0 ? 1 : cosine(semantic[0].score);
    double floorCos = semantic.length == 0 ? 0 : cosine(semantic[semantic.length - 1].score);
    for (int r = 0; r < lexical.length; r++) {
      double[] a = acc.computeIfAbsent(lexical[r].doc, d -> new double[7]);
      a[0] = r + 1;
      a[1] = lexical[r].score;
      a[2] = t.method() == HybridTuning.Method.RRF ? 1.0 / (t.k() + r + 1) : t.lexicalShare() * lexical[r].score / bestLex;
    }
    for (int r = 0; r < semantic.length; r++) {
      double[] a = acc.computeIfAbsent(semantic[r].doc, d -> new double[7]);
      double cos = cosine(semantic[r].score);
      a[3] = r + 1;
      a[4] = similarity == null ? cos : similarity[r];
      a[5] = t.method() == HybridTuning.Method.RRF ? t.semanticWeight() / (t.k() + r + 1)
          : (1 - t.lexicalShare()) * (bestCos > floorCos ? (cos - floorCos) / (bestCos - floorCos) : 1);
      a[6] = cos;
    }
    List<Fused> out = new ArrayList<>(acc.size());
    acc.forEach((doc, a) -> out.add(new Fused(doc, a[2] + a[5], (int) a[0], (float) a[1], a[2], (int) a[3], (float) a[4],
        (float) a[6], a[5], a[3] > 0 && a[4] >= t.minSimilarity())));
    out.sort(Comparator.comparingDouble(Fused::score).reversed()
        .thenComparingInt(f -> f.lexicalRank() == 0 ? Integer.MAX_VALUE : f.lexicalRank())
        .thenComparingInt(Fused::doc));
    return out;
  }

  /** How each side's part of a fused score was worked out, for explain=true. */
  public static String explain(Fused f, HybridTuning t, String model) {
    StringBuilder sb = new StringBuilder();
    boolean rrf = t.method() == HybridTuning.Method.RRF;
    sb.append(String.format(Locale.ROOT, "%.6f = %s, the sum of:%n", f.score(), rrf
        ? "weighted reciprocal-rank fusion (k=" + t.k() + ")"
        : "normalised score combination (lexical share " + t.lexicalShare() + ")"));
    if (f.lexical()) {
      sb.append(String.format(Locale.ROOT, "  %.6f = lexical: rank %d, BM25 %.4f%s%n", f.lexicalPart(), f.lexicalRank(),
          f.lexicalScore(), rrf ? String.format(Locale.ROOT, " -> 1/(%d + %d)", t.k(), f.lexicalRank())
              : String.format(Locale.ROOT, " -> %.2f x BM25 / best BM25", t.lexicalShare())));
    } else {
      sb.append("  0 = lexical: not among the keyword matches\n");
    }
    if (f.semantic()) {
      boolean moved = f.rankedSimilarity() != f.similarity();
      sb.append(String.format(Locale.ROOT, "  %.6f = semantic: rank %d, cosine similarity %.4f (%s)%s%s%n", f.semanticPart(),
          f.semanticRank(), f.similarity(), model, moved ? String.format(Locale.ROOT, "; ranked by its cosine %.4f to"
              + " the query vector moved towards the best papers of a first fused ranking (up to %d, each with"
              + " cosine >= %.2f; query's share %.2f)", f.rankedSimilarity(), t.feedbackDocs(), t.minSimilarity(),
              t.feedbackWeight()) : "", rrf
              ? String.format(Locale.ROOT, " -> %.2f/(%d + %d)", t.semanticWeight(), t.k(), f.semanticRank())
              : String.format(Locale.ROOT, " -> %.2f x (cos - floor) / (best cos - floor), floor = the %s of the"
                  + " farthest of the %d nearest papers", 1 - t.lexicalShare(), moved ? "ranking cosine" : "cosine",
                  t.semanticDepth())));
    } else {
      sb.append(String.format(Locale.ROOT, "  0 = semantic: not among the %d nearest papers%n", t.semanticDepth()));
    }
    return sb.toString();
  }
}
