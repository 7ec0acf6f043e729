package dev.scholarsearch.search;

import dev.scholarsearch.embed.TextEmbedder;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deterministic stand-in for the embedding model, for exact tests of hybrid logic without ONNX: a
 * text's vector counts its words per concept (linear algebra, graphs, networks; any other word on a
 * fourth axis), normalised. Cosines can then be worked out by hand.
 */
final class ConceptEmbedder implements TextEmbedder {
  static final String MODEL = "concepts-4";
  private static final Map<String, Integer> CONCEPT = Map.ofEntries(
      Map.entry("sparse", 0), Map.entry("matrix", 0), Map.entry("matrices", 0), Map.entry("linear", 0),
      Map.entry("algebra", 0), Map.entry("solvers", 0),
      Map.entry("graph", 1), Map.entry("graphs", 1), Map.entry("colouring", 1),
      Map.entry("network", 2), Map.entry("networks", 2), Map.entry("protocols", 2), Map.entry("routing", 2),
      Map.entry("wireless", 2));

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public int dimensions() {
    return 4;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    return texts.stream().map(this::embedQuery).toList();
  }

  @Override
  public float[] embedQuery(String text) {
    float[] v = new float[4];
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (!w.isEmpty()) {
        v[CONCEPT.getOrDefault(w, 3)]++;
      }
    }
    return TextEmbedder.normalize(v);
  }
}
