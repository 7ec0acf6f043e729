package dev.scholarsearch.cli;

import dev.scholarsearch.search.HybridTuning;
import dev.scholarsearch.similar.SimilarPapers;
import dev.scholarsearch.index.Similarities;
import dev.scholarsearch.rank.ExpertModel;
import dev.scholarsearch.search.SearchTuning;
import dev.scholarsearch.similar.SimilarityModel;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ranking settings, the tuned defaults unless overridden with {@code --set name=value}, so anyone
 * can try other settings on their own collection.
 */
record Tuning(Similarities bm25, SearchTuning search, SimilarityModel similar, ExpertModel experts, HybridTuning hybrid,
    HybridTuning similarFusion) {
  /** The knobs {@code --set} knows, for its help and its errors. */
  static final String NAMES = Settings.names();

  static Tuning defaults() {
    return new Tuning(Similarities.DEFAULT, SearchTuning.DEFAULT, SimilarityModel.DEFAULT, ExpertModel.DEFAULT,
        HybridTuning.DEFAULT, SimilarPapers.DEFAULT_FUSION);
  }

  /** The defaults with {@code name=value} overrides applied; unknown names are an error that lists the known ones. */
  static Tuning with(Map<String, String> overrides) {
    Tuning t = defaults();
    for (Map.Entry<String, String> o : new TreeMap<>(overrides).entrySet()) {
      Settings.Setting s = Settings.named(o.getKey()).orElseThrow(() ->
          new IllegalArgumentException("unknown setting '" + o.getKey() + "'; known: " + NAMES));
      t = s.with(t, o.getValue());
    }
    return t;
  }
}
