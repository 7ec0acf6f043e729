package dev.scholarsearch.http;

import dev.scholarsearch.cluster.ClusterSearcher;
import dev.scholarsearch.embed.EmbedderHandle;
import dev.scholarsearch.search.QueryVectors;
import dev.scholarsearch.embed.TextEmbedder;
import dev.scholarsearch.rank.ExpertModel;
import dev.scholarsearch.rank.ExpertSearch;
import dev.scholarsearch.rank.ProfileLookup;
import dev.scholarsearch.search.PaperSearch;
import dev.scholarsearch.search.TypeAhead;
import dev.scholarsearch.similar.SimilarSearch;
import dev.scholarsearch.rank.ExpertRanker;
import dev.scholarsearch.rank.ResearcherProfiles;
import dev.scholarsearch.search.IndexOverview;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.search.PaperSearcher;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.SearchMode;
import dev.scholarsearch.search.SearchRequest;
import dev.scholarsearch.search.SortOrder;
import dev.scholarsearch.search.Suggester;
import dev.scholarsearch.similar.SimilarPapers;
import java.util.List;
import java.util.function.Supplier;

/** The Javalin-free services the API exposes. */
public record Services(
    PaperSearch papers,
    SimilarSearch similar,
    ExpertSearch experts,
    ProfileLookup researchers,
    TypeAhead suggester,
    Supplier<IndexOverview> overview,
    EmbedderHandle embedder) {

  /** The services over one live index, with the tuned default models and the process's embedding model. */
  public static Services over(LiveIndex index, Suggester suggester) {
    return over(index, suggester, QueryVectors.sharedHandle(index));
  }

  /** The same, with queries embedded by {@code embedder}. */
  public static Services over(LiveIndex index, Suggester suggester, EmbedderHandle embedder) {
    PaperSearcher papers = new PaperSearcher(index, embedder);
    return new Services(papers, new SimilarPapers(index, papers.kernel()),
        new ExpertRanker(index, papers.kernel(), ExpertModel.DEFAULT),
        new ResearcherProfiles(index), suggester, () -> IndexOverview.counts(index), embedder);
  }

  /**
   * The services over a cluster (--engine): every one from it, as {@link #over} has them from a
   * local index. Health counts what the cluster holds.
   */
  public static Services onCluster(ClusterSearcher cluster) {
    EmbedderHandle embedder = EmbedderHandle.shared(cluster.manifest().embeddingModel()
        .orElse(dev.scholarsearch.embed.EmbeddingModel.DEFAULT));
    return new Services(cluster, new dev.scholarsearch.cluster.ClusterSimilar(cluster),
        new dev.scholarsearch.cluster.ClusterExperts(cluster),
        new dev.scholarsearch.cluster.ClusterProfiles(cluster), new dev.scholarsearch.cluster.ClusterSuggester(cluster),
        () -> {
      try {
        ClusterSearcher.Overview o = cluster.overview();
        return new IndexOverview(java.nio.file.Path.of(o.collection()), o.papers(), o.researchers(),
            o.researchersWithProfiles(), cluster.manifest(), 0, java.util.Map.of());
      } catch (java.io.IOException e) {
        throw dev.scholarsearch.cluster.EngineFailure.of(e);
      }
    }, embedder);
  }

  /**
   * Runs one request of each kind that embeds a query, so that a server's first requests do not
   * pay for loading classes and compiling the search path inside their time budget. Best effort:
   * on a busy machine a warm-up search may run out of budget, and has still done its work.
   */
  public static void warmUp(LiveIndex index, Suggester suggester, TextEmbedder embedder) {
    Services s = over(index, suggester, EmbedderHandle.of(embedder));
    String text = "warm up the search path";
    for (SearchMode mode : List.of(SearchMode.HYBRID, SearchMode.SEMANTIC)) {
      quietly(() -> s.papers().search(new SearchRequest(text, SearchFilters.NONE, SortOrder.RELEVANCE, 0, 10, false,
          true, 10, mode)));
      quietly(() -> s.similar().likeText(text, SearchFilters.NONE, 10, java.util.Optional.of(mode)));
      quietly(() -> s.experts().rank(text, SearchFilters.NONE, ExpertRanker.Scope.ALL, 10, java.util.Optional.of(mode)));
    }
  }

  /**
   * Runs keyword searches the way the web page sends them (results, then facet counts) for the
   * titles of the newest papers, so that the first visitor after a start does not wait for the
   * search path to load and compile: on the 86k corpus the first search after start took 1.5-1.9 s
   * to render, the warm ones 0.2-0.3 s. Lexical only, so it needs no model; best effort, like
   * {@link #warmUp}. Runs on the caller's thread: {@code serve} gives it one of its own.
   */
  public static void warmUpKeywordSearch(LiveIndex index, Suggester suggester) {
    Services s = over(index, suggester, EmbedderHandle.of(null));
    List<String> titles = new java.util.ArrayList<>();
    quietly(() -> s.papers().search(new SearchRequest("", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 12, false, false,
        10, SearchMode.LEXICAL)).hits().forEach(h -> titles.add(h.title())));
    for (String title : titles) {
      String words = String.join(" ", java.util.Arrays.stream(title.split("[^\\p{L}\\p{N}]+"))
          .filter(w -> w.length() > 3).limit(3).toList());
      if (words.isBlank()) {
        continue;
      }
      quietly(() -> s.papers().search(new SearchRequest(words, SearchFilters.NONE, SortOrder.RELEVANCE, 0, 10, false,
          false, 0, SearchMode.LEXICAL)));
      quietly(() -> s.papers().search(new SearchRequest(words, SearchFilters.NONE, SortOrder.RELEVANCE, 0, 1, false,
          false, 10, SearchMode.LEXICAL)));
    }
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ignored) {
      // a timeout on a busy machine, or an index without papers: the warm-up has done what it could
    }
  }
}
