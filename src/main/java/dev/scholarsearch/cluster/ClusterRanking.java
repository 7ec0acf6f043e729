package dev.scholarsearch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.search.HybridTuning;
import dev.scholarsearch.search.RankFusion;
import dev.scholarsearch.search.RetrievalPlan;
import dev.scholarsearch.search.VectorFeedback;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.ScoreDoc;

/**
 * Semantic and hybrid rankings on the cluster: Solr finds the keyword matches and the nearest
 * papers (HNSW, the filters applied inside the graph search), the project fuses them and moves the
 * query vector by feedback exactly as for the local index ({@link RankFusion}, {@link
 * VectorFeedback}). Papers are numbered in the order they are first seen, for the fusion's sake.
 */
final class ClusterRanking {
  private static final Duration QUERY = Duration.ofSeconds(15);

  private final SolrHttp solr;
  private final String collection;
  private final List<String> ids = new ArrayList<>();
  private final Map<String, Integer> numbers = new HashMap<>();
  private final String fields;
  private final Map<String, List<String>> authors = new HashMap<>();

  ClusterRanking(SolrHttp solr, String collection) {
    this(solr, collection, false);
  }

  private ClusterRanking(SolrHttp solr, String collection, boolean withAuthors) {
    this.solr = solr;
    this.collection = collection;
    this.fields = withAuthors ? "id,score," + Fields.AUTHOR_ID : "id,score";
  }

  /**
   * A ranking whose hits come back with their authors: researchers by topic vote with them, and a
   * request of its own for them would be one more distributed round trip per topic.
   */
  static ClusterRanking withAuthors(SolrHttp solr, String collection) {
    return new ClusterRanking(solr, collection, true);
  }

  /** The authors of a paper the fusion numbered, when they came back with it. */
  Optional<List<String>> authors(int doc) {
    return Optional.ofNullable(authors.get(ids.get(doc)));
  }

  /** The id of a paper the fusion numbered. */
  String id(int doc) {
    return ids.get(doc);
  }

  private int number(String id) {
    return numbers.computeIfAbsent(id, k -> {
      ids.add(k);
      return ids.size() - 1;
    });
  }

  /** The best {@code n} keyword matches of {@code q} among the papers {@code fq} lets through. */
  ScoreDoc[] lexical(String q, List<String> fq, int n) throws IOException {
    return top(Map.of("q", q, "fq", fq, "fl", fields, "rows", n, "sort", "score desc,id asc", "wt", "json"));
  }

  /** The {@code k} papers nearest {@code v} among those {@code fq} lets through; scores as Lucene's, (1 + cos) / 2. */
  ScoreDoc[] nearest(float[] v, List<String> fq, int k) throws IOException {
    return top(Map.of("q", knn(v, k), "fq", fq, "fl", fields, "rows", k, "wt", "json"));
  }

  static String knn(float[] v, int k) {
    StringBuilder sb = new StringBuilder("{!knn f=").append(Fields.VECTOR).append(" topK=").append(k).append("}[");
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ",").append(v[i]);
    }
    return sb.append(']').toString();
  }

  private ScoreDoc[] top(Map<String, ?> params) throws IOException {
    JsonNode docs = solr.form("/solr/" + collection + "/select", params, QUERY).path("response").path("docs");
    ScoreDoc[] out = new ScoreDoc[docs.size()];
    boolean withAuthors = fields.endsWith(Fields.AUTHOR_ID);
    for (int i = 0; i < out.length; i++) {
      String id = docs.get(i).path(Fields.ID).asText();
      out[i] = new ScoreDoc(number(id), (float) docs.get(i).path("score").asDouble());
      if (withAuthors) {
        List<String> by = new ArrayList<>();
        docs.get(i).path(Fields.AUTHOR_ID).forEach(a -> by.add(a.asText()));
        authors.put(id, List.copyOf(by));
      }
    }
    return out;
  }

  /** The semantic ranking: the nearest papers, by cosine. */
  List<RankFusion.Fused> semantic(Optional<float[]> vector, List<String> fq, int nearest, HybridTuning t)
      throws IOException {
    ScoreDoc[] semantic = vector.isPresent() ? nearest(vector.get(), fq, nearest) : new ScoreDoc[0];
    return RankFusion.fuse(new ScoreDoc[0], semantic, t);
  }

  /**
   * The fused ranking of a hybrid plan, with vector feedback when the tuning asks for it, the
   * papers found by meaning alone kept as {@code meaningOnly} says: what the local index's hybrid
   * ranking does, step for step.
   */
  List<RankFusion.Fused> hybrid(String lexicalQ, List<String> lexicalFq, Optional<float[]> vector,
      List<String> semanticFq, int lexicalDepth, int nearest, int depth, HybridTuning t,
      RetrievalPlan.MeaningOnly meaningOnly) throws IOException {
    ScoreDoc[] words = lexical(lexicalQ, lexicalFq, Math.max(lexicalDepth, depth));
    ScoreDoc[] semantic = vector.isPresent() ? nearest(vector.get(), semanticFq, nearest) : new ScoreDoc[0];
    List<RankFusion.Fused> fused = RankFusion.fuse(words, semantic, t);
    if (t.feedbackDocs() > 0 && vector.isPresent() && semantic.length > 0) {
      fused = withFeedback(vector.get(), words, fused, semanticFq, nearest, t);
    }
    return switch (meaningOnly) {
      case ALL -> fused;
      case CLOSE -> fused.stream().filter(f -> f.lexical() || f.similarity() >= t.minSimilarity()).toList();
      case NONE -> fused.stream().filter(RankFusion.Fused::lexical).toList();
    };
  }

  private List<RankFusion.Fused> withFeedback(float[] vector, ScoreDoc[] words, List<RankFusion.Fused> first,
      List<String> fq, int nearest, HybridTuning t) throws IOException {
    List<String> best = first.stream().filter(RankFusion.Fused::close).limit(t.feedbackDocs())
        .map(f -> id(f.doc())).toList();
    if (best.isEmpty()) {
      return first;
    }
    Map<String, float[]> bestVectors = vectors(best);
    float[] moved = VectorFeedback.expand(vector, best.stream().map(bestVectors::get).toList(), t.feedbackWeight());
    ScoreDoc[] semantic = nearest(moved, fq, nearest);
    Map<Integer, Float> known = new HashMap<>();
    first.forEach(f -> {
      if (f.semantic()) {
        known.put(f.doc(), f.similarity());
      }
    });
    List<String> unknown = new ArrayList<>();
    for (ScoreDoc sd : semantic) {
      if (!known.containsKey(sd.doc)) {
        unknown.add(id(sd.doc));
      }
    }
    float[] unit = VectorFeedback.unit(vector);
    Map<String, float[]> unknownVectors = vectors(unknown);
    for (String id : unknown) {
      known.put(numbers.get(id), VectorFeedback.cosine(unit, unknownVectors.get(id)));
    }
    float[] similarity = new float[semantic.length];
    for (int i = 0; i < similarity.length; i++) {
      similarity[i] = known.get(semantic[i].doc);
    }
    return RankFusion.fuse(words, semantic, similarity, t);
  }

  /** The stored vectors of these papers, by id. */
  private Map<String, float[]> vectors(List<String> paperIds) throws IOException {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (int from = 0; from < paperIds.size(); from += 500) {
      List<String> chunk = paperIds.subList(from, Math.min(paperIds.size(), from + 500));
      JsonNode docs = solr.form("/solr/" + collection + "/select", Map.of("q", idsQuery(chunk), "fq", Fields.KIND + ":" + Fields.KIND_PAPER, "fl",
          Fields.ID + "," + Fields.VECTOR, "rows", chunk.size(), "wt", "json"), QUERY).path("response").path("docs");
      for (JsonNode d : docs) {
        JsonNode v = d.path(Fields.VECTOR);
        float[] f = new float[v.size()];
        for (int i = 0; i < f.length; i++) {
          f[i] = (float) v.get(i).asDouble();
        }
        out.put(d.path(Fields.ID).asText(), f.length == 0 ? null : f);
      }
    }
    return out;
  }

  /**
   * A query for exactly these ids, as one terms query: a thousand papers found by meaning alone
   * would pass Solr's limit of boolean clauses. Ids never hold a space.
   */
  static String idsQuery(List<String> paperIds) {
    if (paperIds.isEmpty()) {
      return SolrQueryWriter.NOTHING;
    }
    return "{!terms f=" + Fields.ID + " separator=' '}" + String.join(" ", paperIds);
  }
}
