package dev.scholarsearch.rank;

import dev.scholarsearch.model.Researcher;
import dev.scholarsearch.search.RankFusion;
import dev.scholarsearch.search.Retrieval;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Researchers ranked by the votes of their papers in a ranked pool: each paper's score goes to its
 * authors, aggregated as {@link ExpertModel} says, the best first with the papers that earned it.
 * Whatever ranked the pool (the local index, a cluster) reads the rest through a {@link PoolReader}.
 */
public final class ExpertVote {
  /** Papers shown as a researcher's evidence: the best few say why; the rest are on their page. */
  static final int EVIDENCE = 5;

  private ExpertVote() {}

  /**
   * The ranking: at most {@code limit} researchers in {@code scope}; with {@code matchingOnly},
   * none whose papers all fail to match the topic (found neither by its words nor close in meaning).
   */
  public static List<Expert> rank(List<Retrieval.Ranked> pool, PoolReader reader, ExpertModel model,
      ExpertRanker.Scope scope, int limit, boolean matchingOnly) throws IOException {
    if (pool.isEmpty()) {
      return List.of();
    }
    float max = pool.get(0).score();
    Map<String, Votes> votes = new LinkedHashMap<>();
    List<List<String>> authors = reader.authors(pool);
    for (int i = 0; i < pool.size(); i++) {
      for (String id : authors.get(i)) {
        votes.computeIfAbsent(id, k -> new Votes()).add(pool.get(i), max);
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Map.Entry<String, Votes> e : votes.entrySet()) {
      int paperCount = reader.paperCount(e.getKey());
      candidates.add(new Candidate(e.getKey(), e.getValue(), paperCount, score(model, e.getValue(), paperCount)));
    }
    // Ties (co-authors of the same single paper, say) go to more matching papers, then the more established researcher.
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
        .thenComparing(c -> -c.votes().papers.size())
        .thenComparing(c -> -c.paperCount())
        .thenComparing(Candidate::id));
    PoolReader.ResearcherLookup researchers = reader.researchers(candidates.stream().map(Candidate::id).toList());
    record Chosen(Candidate candidate, Researcher researcher, int matching) {}
    List<Chosen> chosen = new ArrayList<>();
    for (Candidate c : candidates) {
      if (chosen.size() == limit) {
        break;
      }
      int matching = (int) c.votes().papers.stream().filter(ExpertVote::matches).count();
      if (matchingOnly && matching == 0) {
        continue;
      }
      Researcher r = researchers.get(c.id()).orElse(null);
      if (r == null || (scope == ExpertRanker.Scope.PROFILES && !r.hasProfile())) {
        continue;
      }
      chosen.add(new Chosen(c, r, matching));
    }
    List<Retrieval.Ranked> shown = new ArrayList<>();
    Map<Integer, Retrieval.Ranked> byWords = new HashMap<>();
    for (Chosen ch : chosen) {
      for (Retrieval.Ranked hit : evidenceOf(ch.candidate())) {
        shown.add(hit);
        if (foundByWords(hit)) {
          byWords.put(hit.doc(), hit);
        }
      }
    }
    Map<Integer, PoolReader.EvidencePaper> papers = reader.evidence(shown, List.copyOf(byWords.values()));
    List<Expert> out = new ArrayList<>();
    for (Chosen ch : chosen) {
      List<Expert.Evidence> evidence = new ArrayList<>();
      for (Retrieval.Ranked hit : evidenceOf(ch.candidate())) {
        PoolReader.EvidencePaper p = papers.get(hit.doc());
        evidence.add(new Expert.Evidence(p.id(), p.title(), hit.score(), matches(hit),
            foundByWords(hit) ? p.topicWords() : List.of(), hit.similarity().orElse(null)));
      }
      Researcher r = ch.researcher();
      out.add(new Expert(r.id(), r.name(), ch.candidate().score(), r.hasProfile(), ch.candidate().paperCount(),
          ch.matching(), evidence));
    }
    return out;
  }

  private static List<Retrieval.Ranked> evidenceOf(Candidate c) {
    return c.votes().papers.subList(0, Math.min(EVIDENCE, c.votes().papers.size()));
  }

  /** Found by its words: every lexical hit, and a fused one with a lexical side. */
  static boolean foundByWords(Retrieval.Ranked r) {
    return r.fusion().map(RankFusion.Fused::lexical).orElse(true);
  }

  /** Matches the topic: found by its words, or close to it in meaning (the hybrid floor). */
  static boolean matches(Retrieval.Ranked r) {
    return foundByWords(r) || r.fusion().map(RankFusion.Fused::close).orElse(false);
  }

  private static double score(ExpertModel model, Votes v, int paperCount) {
    double s = switch (model.aggregation()) {
      case COMB_SUM -> v.sum;
      case EXP_COMB_MNZ -> v.expSum * v.papers.size();
      case COMB_MAX -> v.max + model.restWeight() * (v.sum - v.max);
    };
    return model.volumeExponent() == 0 ? s : s / Math.pow(Math.max(1, paperCount), model.volumeExponent());
  }

  /** One researcher's votes: the papers (best first, as they arrive in score order) and running sums. */
  private static final class Votes {
    final List<Retrieval.Ranked> papers = new ArrayList<>();
    double sum;
    double expSum;
    double max;

    void add(Retrieval.Ranked r, float best) {
      papers.add(r);
      sum += r.score();
      expSum += Math.exp(r.score() / best);
      max = Math.max(max, r.score());
    }
  }

  private record Candidate(String id, Votes votes, int paperCount, double score) {}
}
