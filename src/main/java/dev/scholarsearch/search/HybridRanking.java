package dev.scholarsearch.search;

import dev.scholarsearch.index.LiveIndex;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/** The fused ranking of a {@link RetrievalPlan.Hybrid} plan: both sides, their fusion, vector feedback. */
final class HybridRanking {
  private HybridRanking() {}

  /**
   * The fused ranking, at least the plan's depth when there are that many. A paper with no keyword
   * match is kept as the plan's {@link RetrievalPlan.MeaningOnly} says.
   */
  static List<RankFusion.Fused> of(LiveIndex.Snapshot searcher, RetrievalPlan.Hybrid h, Query lexicalFiltered)
      throws IOException {
    HybridTuning t = h.fusion();
    Query filter = PaperFilters.nearestFilter(h.filters(), h.prohibited());
    ScoreDoc[] semantic = LuceneRetriever.nearest(searcher, LuceneRetriever.knn(searcher, h.vector(), filter, h.nearest()));
    int depth = Math.max(h.lexicalDepth(), h.depth());
    ScoreDoc[] words = searcher.search(lexicalFiltered, new TopScoreDocCollectorManager(depth, depth)).scoreDocs;
    List<RankFusion.Fused> fused = RankFusion.fuse(words, semantic, t);
    if (t.feedbackDocs() > 0 && h.vector().isPresent() && semantic.length > 0) {
      fused = withVectorFeedback(searcher, h, words, fused, filter);
    }
    return switch (h.meaningOnly()) {
      case ALL -> fused;
      case CLOSE -> fused.stream().filter(f -> f.lexical() || f.similarity() >= t.minSimilarity()).toList();
      case NONE -> fused.stream().filter(RankFusion.Fused::lexical).toList();
    };
  }

  /**
   * The fusion again, its semantic side searched with the query vector moved towards the best papers
   * of the first fusion ({@link VectorFeedback}). Hits still report, and are kept by, their cosine
   * to the query itself: feedback changes the order, not what counts as close in meaning.
   */
  private static List<RankFusion.Fused> withVectorFeedback(LiveIndex.Snapshot searcher, RetrievalPlan.Hybrid h,
      ScoreDoc[] words, List<RankFusion.Fused> first, Query filter) throws IOException {
    HybridTuning t = h.fusion();
    float[] vector = h.vector().orElseThrow();
    // Only papers close in meaning give feedback: a keyword match far from the query's meaning would
    // pull the vector away from the one paper a paraphrase was written for.
    int[] best = first.stream().filter(RankFusion.Fused::close).limit(t.feedbackDocs())
        .mapToInt(RankFusion.Fused::doc).toArray();
    if (best.length == 0) {
      return first;
    }
    float[] moved = VectorFeedback.expand(vector, Arrays.asList(VectorFeedback.of(searcher.getIndexReader(), best)),
        t.feedbackWeight());
    ScoreDoc[] semantic = LuceneRetriever.nearest(searcher,
        LuceneRetriever.knn(searcher, java.util.Optional.of(moved), filter, h.nearest()));
    // The cosine to the query itself: known from the first search for most papers, read and
    // computed for the few that only the moved vector brought in.
    Map<Integer, Float> known = new HashMap<>();
    first.forEach(f -> {
      if (f.semantic()) {
        known.put(f.doc(), f.similarity());
      }
    });
    int[] unknown = Arrays.stream(semantic).mapToInt(sd -> sd.doc).filter(d -> !known.containsKey(d)).toArray();
    float[][] vectors = VectorFeedback.of(searcher.getIndexReader(), unknown);
    float[] unit = VectorFeedback.unit(vector);
    for (int i = 0; i < unknown.length; i++) {
      known.put(unknown[i], VectorFeedback.cosine(unit, vectors[i]));
    }
    float[] similarity = new float[semantic.length];
    for (int i = 0; i < similarity.length; i++) {
      similarity[i] = known.get(semantic[i].doc);
    }
    return RankFusion.fuse(words, semantic, similarity, t);
  }
}
