package dev.scholarsearch.index;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 parameters. Changing them needs no re-index: BM25's length norms are stored independent of
 * k1 and b.
 *
 * @param k1 term-frequency saturation
 * @param b length normalisation
 */
public record Similarities(float k1, float b) {
  /** The reference baseline's parameters (Anserini's defaults). */
  public static final Similarities BASELINE = new Similarities(0.9f, 0.4f);
  /** Tuned on CACM (docs/EVALUATION.md). */
  public static final Similarities DEFAULT = new Similarities(0.9f, 0.4f);

  public Similarities {
    // BM25Similarity's own limits, said in the names eval --set uses.
    if (!(k1 >= 0 && Float.isFinite(k1)) || !(b >= 0 && b <= 1)) {
      throw new IllegalArgumentException("need k1 >= 0 and 0 <= b <= 1, got k1=" + k1 + ", b=" + b);
    }
  }

  public Similarity similarity() {
    return new BM25Similarity(k1, b);
  }
}
