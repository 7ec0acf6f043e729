package dev.scholarsearch.cli;

import dev.scholarsearch.search.HybridTuning;
import dev.scholarsearch.similar.SimilarPapers;
import dev.scholarsearch.index.Similarities;
import dev.scholarsearch.rank.ExpertModel;
import dev.scholarsearch.search.SearchTuning;
import dev.scholarsearch.similar.SimilarityModel;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ranking settings, the tuned defaults unless overridden with {@code --set name=value}, so anyone
 * can try other settings on their own collection.
 */
record Tuning(Similarities bm25, SearchTuning search, SimilarityModel similar, ExpertModel experts, HybridTuning hybrid,
    HybridTuning similarFusion) {
  static final String NAMES = "k1, b, title, abstract, proximity, slop, fbDocs, fbTerms, fbWeight, "
      + "mltMinTf, mltMinDf, mltMaxDfPct, mltTerms, mltTitle, mltCategory, mltCoauthor, mltQtf, mltFbDocs, mltFbTerms, mltFbWeight, "
      + "expertTop, expertAgg (comb_sum|exp_comb_mnz|comb_max), expertVolume, expertRest, "
      + "fusion (scores|rrf), lexShare, minSim, rrfK, semWeight, semDepth, lexDepth, vfbDocs, vfbWeight (hybrid search), "
      + "simFusion, simLexShare, simRrfK, simSemWeight, simSemDepth, simLexDepth (hybrid similar)";

  static Tuning defaults() {
    return new Tuning(Similarities.DEFAULT, SearchTuning.DEFAULT, SimilarityModel.DEFAULT, ExpertModel.DEFAULT,
        HybridTuning.DEFAULT, SimilarPapers.DEFAULT_FUSION);
  }

  /** The defaults with {@code name=value} overrides applied; unknown names are an error that lists the known ones. */
  static Tuning with(Map<String, String> overrides) {
    Tuning t = defaults();
    Similarities s = t.bm25();
    SearchTuning q = t.search();
    SimilarityModel m = t.similar();
    ExpertModel e = t.experts();
    HybridTuning h = t.hybrid();
    HybridTuning sf = t.similarFusion();
    for (Map.Entry<String, String> o : new TreeMap<>(overrides).entrySet()) {
      String v = o.getValue().strip();
      switch (o.getKey()) {
        case "k1" -> s = new Similarities(f(o.getKey(), v), s.b());
        case "b" -> s = new Similarities(s.k1(), f(o.getKey(), v));
        case "title" -> q = new SearchTuning(f(o.getKey(), v), q.abstractWeight(), q.proximityWeight(), q.proximitySlop(), q.feedbackDocs(), q.feedbackTerms(), q.originalWeight());
        case "abstract" -> q = new SearchTuning(q.titleWeight(), f(o.getKey(), v), q.proximityWeight(), q.proximitySlop(), q.feedbackDocs(), q.feedbackTerms(), q.originalWeight());
        case "proximity" -> q = new SearchTuning(q.titleWeight(), q.abstractWeight(), f(o.getKey(), v), q.proximitySlop(), q.feedbackDocs(), q.feedbackTerms(), q.originalWeight());
        case "slop" -> q = new SearchTuning(q.titleWeight(), q.abstractWeight(), q.proximityWeight(), i(o.getKey(), v), q.feedbackDocs(), q.feedbackTerms(), q.originalWeight());
        case "fbDocs" -> q = new SearchTuning(q.titleWeight(), q.abstractWeight(), q.proximityWeight(), q.proximitySlop(), i(o.getKey(), v), q.feedbackTerms(), q.originalWeight());
        case "fbTerms" -> q = new SearchTuning(q.titleWeight(), q.abstractWeight(), q.proximityWeight(), q.proximitySlop(), q.feedbackDocs(), i(o.getKey(), v), q.originalWeight());
        case "fbWeight" -> q = new SearchTuning(q.titleWeight(), q.abstractWeight(), q.proximityWeight(), q.proximitySlop(), q.feedbackDocs(), q.feedbackTerms(), f(o.getKey(), v));
        case "mltMinTf", "mltMinDf", "mltMaxDfPct", "mltTerms", "mltTitle", "mltCategory", "mltCoauthor", "mltQtf",
            "mltFbDocs", "mltFbTerms", "mltFbWeight" -> {
          try {
            m = m.with(o.getKey(), v);
          } catch (NumberFormatException bad) {
            throw new IllegalArgumentException(o.getKey() + " must be a number, got '" + v + "'");
          }
        }
        case "expertTop" -> e = new ExpertModel(i(o.getKey(), v), e.aggregation(), e.volumeExponent(), e.restWeight());
        case "expertAgg" -> e = new ExpertModel(e.topPapers(), agg(v), e.volumeExponent(), e.restWeight());
        case "expertVolume" -> e = new ExpertModel(e.topPapers(), e.aggregation(), f(o.getKey(), v), e.restWeight());
        case "expertRest" -> e = new ExpertModel(e.topPapers(), e.aggregation(), e.volumeExponent(), f(o.getKey(), v));
        case "fusion" -> h = h.withMethod(v);
        case "lexShare" -> h = h.withLexicalShare(f(o.getKey(), v));
        case "simFusion" -> sf = sf.withMethod(v);
        case "simLexShare" -> sf = sf.withLexicalShare(f(o.getKey(), v));
        case "minSim" -> h = h.withMinSimilarity(f(o.getKey(), v));
        case "rrfK" -> h = h.withK(i(o.getKey(), v));
        case "semWeight" -> h = h.withSemanticWeight(f(o.getKey(), v));
        case "semDepth" -> h = h.withSemanticDepth(i(o.getKey(), v));
        case "lexDepth" -> h = h.withLexicalDepth(i(o.getKey(), v));
        case "vfbDocs" -> h = h.withFeedbackDocs(i(o.getKey(), v));
        case "vfbWeight" -> h = h.withFeedbackWeight(f(o.getKey(), v));
        case "simRrfK" -> sf = sf.withK(i(o.getKey(), v));
        case "simSemWeight" -> sf = sf.withSemanticWeight(f(o.getKey(), v));
        case "simSemDepth" -> sf = sf.withSemanticDepth(i(o.getKey(), v));
        case "simLexDepth" -> sf = sf.withLexicalDepth(i(o.getKey(), v));
        default -> throw new IllegalArgumentException("unknown setting '" + o.getKey() + "'; known: " + NAMES);
      }
    }
    return new Tuning(s, q, m, e, h, sf);
  }

  private static float f(String name, String v) {
    try {
      return Float.parseFloat(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + v + "'");
    }
  }

  private static int i(String name, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
    }
  }

  private static ExpertModel.Aggregation agg(String v) {
    try {
      return ExpertModel.Aggregation.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expertAgg must be comb_sum, exp_comb_mnz or comb_max, got '" + v + "'");
    }
  }
}
