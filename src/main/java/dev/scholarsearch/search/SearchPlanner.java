package dev.scholarsearch.search;

import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.index.LiveIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Turns what a user asked into a {@link RetrievalPlan}: the mode resolved once, the keyword query
 * refined, the query embedded. Keyword search and researcher ranking plan here; similar papers
 * plans its own query, and resolves its mode here.
 */
public final class SearchPlanner {
  private final SearchTuning tuning;
  private final HybridTuning hybrid;
  private final QueryVectors queryVectors;
  private final DoubleSupplier averageLength;
  /** The parser and refiner for the last length seen: the length changes only with a rebuild. */
  private volatile Tuned tuned;

  private record Tuned(double averageLength, UserQueryParser parser, QueryRefiner refiner) {}

  /** With the bonuses set for the records' mean length, which {@code averageLength} reads from the index. */
  public SearchPlanner(SearchTuning tuning, HybridTuning hybrid, QueryVectors queryVectors, DoubleSupplier averageLength) {
    this.tuning = tuning;
    this.hybrid = hybrid;
    this.queryVectors = queryVectors;
    this.averageLength = averageLength;
  }

  /** Parses what the user typed, once. */
  public UserQuery parse(String text, boolean exact) {
    return UserQuery.parse(tuned(averageLength.getAsDouble()).parser(), text, exact);
  }

  private Tuned tuned(double length) {
    Tuned t = tuned;
    if (t == null || t.averageLength() != length) {
      SearchTuning forLength = tuning.forAverageLength(length);
      t = new Tuned(length, new UserQueryParser(Analyzers.perField(), forLength.weights()), new QueryRefiner(forLength));
      tuned = t;
    }
    return t;
  }

  public QueryVectors queryVectors() {
    return queryVectors;
  }

  /**
   * The mode a request runs in: the one asked for, else hybrid when the index has vectors, else
   * lexical. A mode the index cannot serve is a bad request that says why.
   */
  public SearchMode mode(LiveIndex.Snapshot searcher, Optional<SearchMode> mode) {
    boolean vectors = searcher.manifest().hasVectors();
    if (mode.isEmpty()) {
      return vectors ? SearchMode.HYBRID : SearchMode.LEXICAL;
    }
    SearchMode asked = mode.get();
    if (asked != SearchMode.LEXICAL && !vectors) {
      throw new InvalidRequestException("no_vectors", "mode=" + asked.label() + " needs an index with vectors, and this "
          + "one was built without them (index --no-vectors); rebuild it with vectors (index --model "
          + dev.scholarsearch.embed.EmbeddingModel.DEFAULT_NAME + "), or use mode=lexical");
    }
    if (asked != SearchMode.LEXICAL && !searcher.manifest().vectorModel().equals(queryVectors.model())) {
      throw new InvalidRequestException("no_vectors", "the index's vectors come from " + searcher.manifest().vectorModel()
          + " but this server embeds queries with " + queryVectors.model() + ", and vectors of two models do not compare; "
          + "restart the server (it loads the index's model), or use mode=lexical");
    }
    return asked;
  }

  /**
   * The plan for a page of results in {@code order}, {@code topN} deep. A listing (no query) has no
   * relevance: the mode only matters in that semantic needs words.
   */
  public RetrievalPlan forPage(LiveIndex.Snapshot searcher, UserQuery q, SearchFilters f, Optional<SearchMode> asked,
      SortOrder order, int topN) throws IOException {
    if (q.isListing()) {
      if (asked.equals(Optional.of(SearchMode.SEMANTIC))) {
        throw InvalidRequestException.badParameter("mode=semantic needs a query: give q, or use mode=lexical to list papers");
      }
      return new RetrievalPlan.Lexical(q.query(), f, topN);
    }
    SearchMode mode = mode(searcher, asked);
    return switch (mode) {
      // Sorted by date, the refinements would only cost: they change the order, not the matches.
      case LEXICAL -> new RetrievalPlan.Lexical(order == SortOrder.RELEVANCE ? refined(searcher, q, f) : q.query(), f, topN);
      case SEMANTIC -> semantic(q, f, semanticDepth(topN), topN);
      // Hybrid ranks by the refined query whatever the order, so its set of hits does not depend on the sort.
      case HYBRID -> hybrid(searcher, q, f, topN);
    };
  }

  /** The plan for the best {@code n} papers by relevance (the evaluation, researcher ranking). */
  public RetrievalPlan forRanking(LiveIndex.Snapshot searcher, UserQuery q, SearchFilters f, Optional<SearchMode> asked,
      int n)
      throws IOException {
    SearchMode mode = mode(searcher, asked);
    if (mode == SearchMode.LEXICAL || q.isListing()) {
      return new RetrievalPlan.Lexical(refined(searcher, q, f), f, n);
    }
    return mode == SearchMode.SEMANTIC ? semantic(q, f, Math.min(n, HybridTuning.MAX_SEMANTIC_DEPTH), n)
        : hybrid(searcher, q, f, n);
  }

  private RetrievalPlan.Semantic semantic(UserQuery q, SearchFilters f, int nearest, int depth) {
    return new RetrievalPlan.Semantic(vector(q), f, prohibited(q.query()), nearest, hybrid, depth);
  }

  /**
   * In hybrid mode a paper with no keyword match is kept only when it is close enough in meaning,
   * and never when the query is strict: the user asked for those words.
   */
  private RetrievalPlan.Hybrid hybrid(LiveIndex.Snapshot searcher, UserQuery q, SearchFilters f, int depth)
      throws IOException {
    return new RetrievalPlan.Hybrid(refined(searcher, q, f), hybrid.lexicalDepth(), vector(q), f, prohibited(q.query()),
        hybrid.semanticDepth(), hybrid, q.strict() ? RetrievalPlan.MeaningOnly.NONE : RetrievalPlan.MeaningOnly.CLOSE,
        depth);
  }

  private Optional<float[]> vector(UserQuery q) {
    return queryVectors.of(q);
  }

  /**
   * The relevance query of a keyword search on an engine that is not a local index (a cluster),
   * for records of {@code averageLength} tokens: refined as {@link #forPage} refines it, the
   * proximity pairs added. RM3 feedback needs the local index's term statistics; it is off by
   * default, and an engine ranks without it.
   */
  public Query refinedElsewhere(UserQuery q, double averageLength) throws IOException {
    if (q.exact() || q.isListing()) {
      return q.query();
    }
    return tuned(averageLength).refiner().refine(null, q, q.query());
  }

  /** The relevance query: parsed, then refined (proximity, feedback) unless the user asked for exact words. */
  private Query refined(LiveIndex.Snapshot searcher, UserQuery q, SearchFilters f) throws IOException {
    if (q.exact() || q.isListing()) {
      return q.query();
    }
    // The snapshot at hand has the length: no second searcher acquired for it.
    return tuned(searcher.averageLength(Fields.TEXT)).refiner().refine(searcher, q, PaperFilters.restrict(q.query(), f));
  }

  private int semanticDepth(int topN) {
    if (topN > HybridTuning.MAX_SEMANTIC_DEPTH) {
      throw InvalidRequestException.badParameter("mode=semantic ranks the " + HybridTuning.MAX_SEMANTIC_DEPTH
          + " nearest papers; offset+limit must be at most " + HybridTuning.MAX_SEMANTIC_DEPTH + ", got " + topN);
    }
    return Math.max(topN, hybrid.semanticDepth());
  }

  /**
   * What the query prohibits ("-x", "-author:y"), which a paper found by meaning must not match
   * either: "reinforcement -learning" must not bring back by meaning the papers its words exclude.
   */
  public static List<Query> prohibited(Query parsed) {
    List<Query> prohibited = new ArrayList<>();
    if (parsed instanceof BooleanQuery bq) {
      for (BooleanClause c : bq.clauses()) {
        if (c.occur() == BooleanClause.Occur.MUST_NOT) {
          prohibited.add(c.query());
        } else if (c.occur() == BooleanClause.Occur.MUST && c.query() instanceof BooleanQuery main) {
          main.clauses().stream().filter(m -> m.occur() == BooleanClause.Occur.MUST_NOT)
              .forEach(m -> prohibited.add(m.query()));
        }
      }
    }
    return prohibited;
  }
}
