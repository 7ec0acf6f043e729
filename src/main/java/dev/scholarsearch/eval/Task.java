package dev.scholarsearch.eval;

import dev.scholarsearch.rank.Expert;
import dev.scholarsearch.rank.ExpertRanker;
import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.search.PaperSearcher;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.similar.SimilarHit;
import dev.scholarsearch.similar.SimilarPapers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The three evaluation tasks, each run through the code path the HTTP API uses. */
public enum Task {
  SEARCH, SIMILAR, RESEARCHERS;

  public static final int DEPTH = 1000;

  /** The systems under test. */
  public record Systems(PaperSearcher papers, SimilarPapers similar, ExpertRanker experts) {}

  /** Our run: every topic through the same services the API calls. */
  public Run ours(Systems sys, Map<String, String> topics, Optional<SearchMode> mode) {
    Map<String, List<Run.Scored>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : topics.entrySet()) {
      List<Run.Scored> ranked = new ArrayList<>();
      try {
        switch (this) {
          case SEARCH -> sys.papers().rank(t.getValue(), SearchFilters.NONE, DEPTH, mode)
              .forEach(p -> ranked.add(new Run.Scored(p.id(), p.score())));
          case SIMILAR -> sys.similar().ranking(t.getValue(), SearchFilters.NONE, DEPTH, mode).orElse(List.of())
              .forEach((SimilarHit h) -> ranked.add(new Run.Scored(h.id(), h.score())));
          case RESEARCHERS -> {
            Set<String> seen = new LinkedHashSet<>();
            for (Expert e : sys.experts().ranking(t.getValue(), SearchFilters.NONE, ExpertRanker.Scope.ALL, DEPTH, mode)) {
              String key = AuthorKey.of(e.name());
              if (seen.add(key)) {
                ranked.add(new Run.Scored(key, e.score()));
              }
            }
          }
        }
      } catch (InvalidRequestException e) {
        // A topic the API would refuse gets an empty ranking, as a user would get nothing.
      }
      out.put(t.getKey(), ranked);
    }
    return new Run("scholar-search", out);
  }

  /** The plain BM25 baseline on the same index. */
  public Run baseline(Baselines b, Map<String, String> topics) {
    Map<String, List<Run.Scored>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : topics.entrySet()) {
      out.put(t.getKey(), switch (this) {
        case SEARCH -> b.search(t.getValue(), DEPTH);
        case SIMILAR -> b.similar(t.getValue(), DEPTH);
        case RESEARCHERS -> b.researchers(t.getValue(), DEPTH);
      });
    }
    return new Run("bm25-baseline", out);
  }
}
