package dev.scholarsearch.bench;

import dev.scholarsearch.embed.TextEmbedder;
import dev.scholarsearch.index.VectorSource;
import dev.scholarsearch.model.Paper;
import java.util.SplittableRandom;

/**
 * Unit vectors for a kNN benchmark at a size where embedding real text would take days: each paper
 * gets a random point near one of many random centres (topics), so the HNSW graph has the clustered
 * structure real embeddings have, rather than uniform noise. Deterministic per paper id.
 */
public final class SyntheticVectors implements VectorSource {
  private final float[][] centres;
  private final int dims;
  private final long seed;

  public SyntheticVectors(long seed, int clusters, int dims) {
    this.seed = seed;
    this.dims = dims;
    SplittableRandom r = new SplittableRandom(seed);
    centres = new float[clusters][];
    for (int i = 0; i < clusters; i++) {
      centres[i] = gaussian(r, dims, 1f);
      TextEmbedder.normalize(centres[i]);
    }
  }

  @Override
  public String model() {
    return "synthetic-" + dims;
  }

  @Override
  public float[] of(Paper p) {
    return near(new SplittableRandom(seed ^ p.id().hashCode() * 0x9E3779B97F4A7C15L));
  }

  /** A query vector drawn the same way as the papers' vectors. */
  public float[] query(SplittableRandom r) {
    return near(r);
  }

  private float[] near(SplittableRandom r) {
    float[] c = centres[r.nextInt(centres.length)];
    float[] v = gaussian(r, dims, 0.6f / (float) Math.sqrt(dims));
    for (int i = 0; i < dims; i++) {
      v[i] += c[i];
    }
    return TextEmbedder.normalize(v);
  }

  private static float[] gaussian(SplittableRandom r, int dims, float scale) {
    float[] v = new float[dims];
    for (int i = 0; i < dims; i++) {
      // Box-Muller: two uniforms give a normal deviate.
      double u = 1 - r.nextDouble();
      v[i] = (float) (scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble()));
    }
    return v;
  }
}
