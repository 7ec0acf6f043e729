package dev.scholarsearch.search;

import dev.scholarsearch.embed.EmbedderHandle;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.index.PaperIds;
import dev.scholarsearch.index.StoredRecords;
import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keyword search over papers: the query parsed once, planned once ({@link SearchPlanner}), ranked
 * and counted by the {@link Retriever}, and the page formatted with snippets ({@link SearchHits}).
 */
public final class PaperSearcher implements PaperSearch {
  /** Facet dimensions in the order they are returned. */
  public static final List<String> FACET_DIMS = Fields.FACET_DIMS;

  private final LiveIndex index;
  private final SearchKernel kernel;
  private final SearchHits hits;

  public PaperSearcher(LiveIndex index) {
    this(index, SearchTuning.DEFAULT);
  }

  public PaperSearcher(LiveIndex index, SearchTuning tuning) {
    this(index, tuning, HybridTuning.DEFAULT);
  }

  public PaperSearcher(LiveIndex index, SearchTuning tuning, HybridTuning hybrid) {
    this(index, tuning, hybrid, FacetDrillSideways.Sampling.standard());
  }

  PaperSearcher(LiveIndex index, SearchTuning tuning, HybridTuning hybrid, FacetDrillSideways.Sampling sampling) {
    this(index, tuning, hybrid, sampling, QueryVectors.sharedHandle(index));
  }

  /**
   * With every facet count exact, never estimated from a sample: for {@code stats}, whose top
   * authors a sample of 10,000 papers put off by 20% on average on the 86k corpus (and up to +78%).
   */
  public static PaperSearcher withExactFacets(LiveIndex index) {
    return new PaperSearcher(index, SearchTuning.DEFAULT, HybridTuning.DEFAULT, FacetDrillSideways.Sampling.exact());
  }

  /** With the queries embedded by {@code embedder} (the server starts loading it early). */
  public PaperSearcher(LiveIndex index, EmbedderHandle embedder) {
    this(index, SearchTuning.DEFAULT, HybridTuning.DEFAULT, FacetDrillSideways.Sampling.standard(), embedder);
  }

  PaperSearcher(LiveIndex index, SearchTuning tuning, HybridTuning hybrid, FacetDrillSideways.Sampling sampling,
      EmbedderHandle embedder) {
    this.index = index;
    QueryVectors vectors = new QueryVectors(embedder);
    this.kernel = new SearchKernel(new SearchPlanner(tuning, hybrid, vectors,
        () -> index.averageLength(Fields.TEXT)), new LuceneRetriever(sampling));
    this.hits = new SearchHits(hybrid, vectors);
  }

  /** The planner and retriever this searcher ranks with, for similar papers and researcher ranking to share. */
  public SearchKernel kernel() {
    return kernel;
  }

  /** See {@link SearchKernel#prepareFor}. */
  public void prepareFor(Optional<SearchMode> asked) {
    kernel.prepareFor(index, asked);
  }

  /** The mode a search asking for {@code asked} runs in on this snapshot. */
  public SearchMode modeFor(LiveIndex.Snapshot searcher, Optional<SearchMode> asked) {
    return kernel.planner().mode(searcher, asked);
  }

  /** A paper id and its relevance score. */
  public record ScoredPaper(String id, float score) {}

  /**
   * The top {@code n} papers for {@code text} by relevance: exactly the ranking {@link #search}
   * pages through, without facets and snippets (the evaluation uses it).
   */
  public List<ScoredPaper> rank(String text, SearchFilters filters, int n) {
    return rank(text, filters, n, SearchMode.LEXICAL);
  }

  /** The top {@code n} papers in the given mode, as {@link #search} ranks them. */
  public List<ScoredPaper> rank(String text, SearchFilters filters, int n, SearchMode mode) {
    return rank(text, filters, n, Optional.of(mode));
  }

  /** The same, in the index's default mode when {@code mode} is empty. */
  public List<ScoredPaper> rank(String text, SearchFilters filters, int n, Optional<SearchMode> mode) {
    UserQuery q = kernel.planner().parse(text, false);
    prepareFor(q.isListing() ? Optional.of(SearchMode.LEXICAL) : mode);
    return index.search(searcher -> {
      RetrievalPlan plan = kernel.planner().forRanking(searcher, q, filters, mode, n);
      List<Retrieval.Ranked> top = kernel.retriever().rank(searcher, plan).ranked();
      String[] ids = PaperIds.of(searcher.getIndexReader(), top.stream().mapToInt(Retrieval.Ranked::doc).toArray());
      List<ScoredPaper> out = new ArrayList<>(top.size());
      for (int i = 0; i < ids.length; i++) {
        out.add(new ScoredPaper(ids[i], top.get(i).score()));
      }
      return out;
    });
  }

  @Override
  public SearchResult search(SearchRequest req) {
    UserQuery q = kernel.planner().parse(req.query(), req.exact());
    int topN = req.offset() + req.limit();
    // With no query there is no relevance to order by: list the newest papers first.
    SortOrder order = req.sort() == SortOrder.RELEVANCE && q.isListing() ? SortOrder.NEWEST : req.sort();
    prepareFor(q.isListing() ? Optional.of(SearchMode.LEXICAL) : req.mode());
    return index.search(searcher -> {
      RetrievalPlan plan = kernel.planner().forPage(searcher, q, req.filters(), req.mode(), order, topN);
      Retrieval r = kernel.retriever().retrieve(searcher, plan, order, Retriever.Counting.of(req.facetLimit()));
      // Too many clauses (a short prefix, a fuzzy term) is answered centrally by LiveIndex.search as a 400.
      return new SearchResult(r.total(), r.exactTotal() ? "eq" : "gte", req.offset(), req.limit(),
          hits.page(searcher, r, req, q, plan.mode()), r.facets(), r.estimated(), plan.mode().label());
    });
  }

  /**
   * The researchers whose profile pages list {@code p}, by page file: a page lists its owner's
   * papers, so each owner is among the paper's authors (the first 100 are read).
   */
  @Override
  public Map<String, Researcher> pageOwners(Paper p) {
    return index.search(searcher -> {
      Map<String, Researcher> owners = new HashMap<>();
      for (Authorship a : p.authors().subList(0, Math.min(100, p.authors().size()))) {
        Optional<Researcher> r = StoredRecords.researcher(searcher, a.researcherId());
        r.ifPresent(owner -> owner.profiles().forEach(page -> owners.putIfAbsent(page.source(), owner)));
      }
      return owners;
    });
  }

  /** The paper with this id, if the index has it. */
  @Override
  public Optional<Paper> paper(String id) {
    return index.search(searcher -> StoredRecords.paper(searcher, id));
  }
}
