package dev.scholarsearch.embed;

import java.util.List;

/** Turns text into unit-length vectors, so that a dot product is the cosine similarity. */
public interface TextEmbedder {
  /** The model's name; vectors of different models are never mixed (the cache and the index record it). */
  String model();

  int dimensions();

  /** Vectors for documents (title and abstract), in the order given. */
  List<float[]> embed(List<String> texts);

  /** The vector for a search query. */
  float[] embedQuery(String text);

  /** Scales {@code v} in place to unit length (a zero vector stays zero) and returns it. */
  static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    if (sum > 0) {
      float inv = (float) (1 / Math.sqrt(sum));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return v;
  }
}
