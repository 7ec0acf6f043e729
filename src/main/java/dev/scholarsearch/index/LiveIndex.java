package dev.scholarsearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;

/**
 * One long-lived view of an index directory. A {@link SearcherManager} hands out searchers; a
 * background task picks up new commits (made by {@code index} in another process) every few
 * seconds, so the server follows rebuilds without a restart and without a failed request.
 */
public final class LiveIndex implements Closeable {
  private final Path path;
  private final Directory directory;
  private final SearcherManager manager;
  private final ScheduledExecutorService refresher;
  private final ExecutorService searchThreads;
  private final Duration budget;

  /** IndexSearcher's own slice limits, which a spread view keeps for a large index. */
  private static final int LUCENE_DOCS_PER_SLICE = 250_000;
  private static final int LUCENE_SEGMENTS_PER_SLICE = 5;

  /** A searcher plus what belongs to its exact reader: facet ordinals and the commit's manifest. */
  public static final class Snapshot extends IndexSearcher {
    private final Map<String, SortedSetDocValuesReaderState> facetStates;
    private final IndexManifest manifest;
    private final java.util.concurrent.Executor executor;
    private final int threads;
    private final boolean spread;
    private Snapshot untimed = this;
    private long deadlineNanos = Long.MAX_VALUE;
    private Duration budget = Duration.ofDays(1);

    Snapshot(IndexReader reader, java.util.concurrent.Executor executor, int threads, boolean spread,
        Map<String, SortedSetDocValuesReaderState> facetStates, IndexManifest manifest) {
      super(reader, executor);
      this.executor = executor;
      this.threads = executor == null ? 1 : threads;
      this.spread = spread;
      this.facetStates = facetStates;
      this.manifest = manifest;
    }

    /**
     * The same searcher without Lucene's time limit: DrillSideways scores documents in one pass that
     * Lucene's time-limited scorer cannot split. Faceted searches run here and keep to the budget
     * through {@link #withDeadline}.
     */
    public Snapshot untimed() {
      return untimed;
    }

    /** {@code manager} made to stop with a {@link QueryTimeoutException} when this request's budget is spent. */
    public <C extends org.apache.lucene.search.Collector, T> org.apache.lucene.search.CollectorManager<?, T> withDeadline(
        org.apache.lucene.search.CollectorManager<C, T> manager) {
      return new DeadlineCollectorManager<>(manager, deadlineNanos, budget);
    }

    /** A view of the same reader for one request, stopped once {@code budgetMillis} have passed. */
    Snapshot withBudget(long budgetMillis) {
      Snapshot s = view(spread);
      s.setTimeout(new QueryTimeoutImpl(budgetMillis));
      s.untimed = this;
      s.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000L;
      s.budget = Duration.ofMillis(budgetMillis);
      return s;
    }

    /**
     * This searcher, its searches split into a slice per search thread, with the same deadline.
     * Lucene puts up to 250,000 documents in one slice, so an index smaller than that (the 86k
     * corpus and its researchers are 210,000 documents) is searched on one thread however idle the
     * others are. For a long query that is most of a request (similar papers' MoreLikeThis
     * disjunctions) the spread view uses them all; short ones stay on one slice, where handing
     * work to other threads costs more than it saves and an inexact total ("at least N") would
     * change from one request to the next.
     */
    public Snapshot spread() {
      if (spread || threads <= 1) {
        return this;
      }
      Snapshot s = view(true);
      s.setTimeout(getTimeout());
      s.untimed = untimed;
      s.deadlineNanos = deadlineNanos;
      s.budget = budget;
      return s;
    }

    /** A new searcher over the same reader, scoring and caching as this one does. */
    private Snapshot view(boolean spreadOut) {
      Snapshot s = new Snapshot(getIndexReader(), executor, threads, spreadOut, facetStates, manifest);
      s.setSimilarity(getSimilarity());
      s.setQueryCache(getQueryCache());
      return s;
    }

    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
      if (!spread) { // false while IndexSearcher's constructor runs, should it ask then
        return super.slices(leaves);
      }
      long docs = leaves.stream().mapToLong(l -> l.reader().maxDoc()).sum();
      int share = (int) Math.max(1, Math.min(LUCENE_DOCS_PER_SLICE, (docs + threads - 1) / threads));
      return slices(leaves, share, LUCENE_SEGMENTS_PER_SLICE, false);
    }

    boolean pastDeadline() {
      return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }

    /** Facet ordinals for this reader, by dimension; a dimension no paper has a value for is absent. */
    public Map<String, SortedSetDocValuesReaderState> facetStates() {
      return facetStates;
    }

    public IndexManifest manifest() {
      return manifest;
    }

    /** The mean number of tokens {@code field} has in the documents that have it (0 when none has). */
    public double averageLength(String field) throws IOException {
      int docs = getIndexReader().getDocCount(field);
      return docs == 0 ? 0 : (double) getIndexReader().getSumTotalTermFreq(field) / docs;
    }
  }

  private LiveIndex(Path path, Directory directory, SearcherManager manager, Options options,
      ExecutorService searchThreads) {
    this.budget = options.budget();
    this.path = path;
    this.searchThreads = searchThreads;
    this.directory = directory;
    this.manager = manager;
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "index-refresh");
      t.setDaemon(true);
      return t;
    });
    long ms = Math.max(100, options.refreshEvery().toMillis());
    refresher.scheduleWithFixedDelay(this::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * How an index is opened.
   *
   * @param refreshEvery how often to look for a new commit
   * @param similarity the BM25 parameters scores are computed with
   * @param threads how many threads one request's segments are searched on (1: the request's own
   *     thread only). On all cores, a search over a large index takes about 1/cores of the time when
   *     the server is not saturated, and no longer when it is.
   * @param budget how long one request's searches may take together before they are stopped
   */
  public record Options(Duration refreshEvery, Similarity similarity, int threads, Duration budget) {
    /** Checks every few seconds, default BM25, all cores, 2 s per request. */
    public static final Options DEFAULT = new Options(Duration.ofSeconds(2), Similarities.DEFAULT.similarity(),
        Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(2));

    public Options {
      if (threads < 1) {
        throw new IllegalArgumentException("search threads must be at least 1, got " + threads);
      }
      if (budget.isNegative() || budget.isZero()) {
        throw new IllegalArgumentException("the query time budget must be positive, got " + budget);
      }
    }

    public Options refreshEvery(Duration d) {
      return new Options(d, similarity, threads, budget);
    }

    public Options similarity(Similarity s) {
      return new Options(refreshEvery, s, threads, budget);
    }

    public Options threads(int n) {
      return new Options(refreshEvery, similarity, n, budget);
    }

    public Options budget(Duration d) {
      return new Options(refreshEvery, similarity, threads, d);
    }
  }

  /** Opens the index in {@code path} with the default options, looking for new commits every {@code refreshEvery}. */
  public static LiveIndex open(Path path, Duration refreshEvery) throws IOException {
    return open(path, Options.DEFAULT.refreshEvery(refreshEvery));
  }

  /** Opens the index in {@code path}; fails if there is none. */
  public static LiveIndex open(Path path, Options options) throws IOException {
    int threads = options.threads();
    Similarity similarity = options.similarity();
    Directory dir = new MMapDirectory(path);
    ExecutorService searchThreads = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "search");
      t.setDaemon(true);
      return t;
    });
    try {
      SearcherManager manager = new SearcherManager(dir, new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
          Map<String, SortedSetDocValuesReaderState> states = new LinkedHashMap<>();
          FacetsConfig config = Fields.facetsConfig();
          for (String dim : Fields.FACET_DIMS) {
            try {
              states.put(dim, new DefaultSortedSetDocValuesReaderState(reader, Fields.facetField(dim), config));
            } catch (IllegalArgumentException noValuesYet) {
              // no paper has a value for this dimension, so its field does not exist
            }
          }
          IndexManifest manifest = Indexer.manifestOf(((DirectoryReader) reader).getIndexCommit().getUserData());
          Snapshot snapshot = new Snapshot(reader, searchThreads, threads, false, Map.copyOf(states), manifest);
          snapshot.setSimilarity(similarity);
          return snapshot;
        }
      });
      return new LiveIndex(path, dir, manager, options, searchThreads);
    } catch (IOException | RuntimeException e) {
      if (searchThreads != null) {
        searchThreads.shutdownNow();
      }
      dir.close();
      throw e;
    }
  }

  /** Something done with a searcher; the searcher is released afterwards. */
  @FunctionalInterface
  public interface SearchTask<T> {
    T apply(Snapshot searcher) throws IOException;
  }

  /**
   * Runs {@code task} on the current searcher and releases it afterwards. Every search in the task
   * shares one time budget; a task that runs out of it fails with a {@code query_timeout} error
   * rather than running on (Lucene stops collecting when the budget is spent).
   */
  public <T> T search(SearchTask<T> task) {
    return withSearcher(s -> {
      Snapshot view = s.withBudget(budget.toMillis());
      T result;
      try {
        result = task.apply(view);
      } catch (IndexSearcher.TooManyClauses e) {
        throw new InvalidRequestException("query_too_expensive", "the query expands to more than "
            + IndexSearcher.getMaxClauseCount() + " clauses (many words, a short prefix or a fuzzy term); make it more specific");
      }
      // Lucene's kNN search stops at the deadline without saying so, and returns what it had
      // (nothing, at worst): a request past its deadline is a timeout, never a short answer.
      if (view.timedOut() || view.pastDeadline()) {
        throw new QueryTimeoutException(budget);
      }
      return result;
    });
  }

  /**
   * {@code task} on the current searcher with no time budget: for work done for many requests
   * (building the type-ahead), never for one request's search.
   */
  public <T> T withoutBudget(SearchTask<T> task) {
    return withSearcher(task);
  }

  /**
   * Runs {@code action} each time a new commit starts being searched, on the thread that refreshed;
   * returns what stops it. For work that follows the index (the type-ahead's build).
   */
  public Runnable onNewCommit(Runnable action) {
    org.apache.lucene.search.ReferenceManager.RefreshListener listener =
        new org.apache.lucene.search.ReferenceManager.RefreshListener() {
          @Override
          public void beforeRefresh() {}

          @Override
          public void afterRefresh(boolean didRefresh) {
            if (didRefresh) {
              action.run();
            }
          }
        };
    manager.addListener(listener);
    return () -> manager.removeListener(listener);
  }

  /** The time budget of each {@link #search}. */
  public Duration budget() {
    return budget;
  }

  /** {@link Snapshot#averageLength} of the commit searched now. */
  public double averageLength(String field) {
    return withSearcher(s -> s.averageLength(field));
  }

  /** The manifest of the commit searched now. */
  public IndexManifest manifest() {
    return withSearcher(Snapshot::manifest);
  }

  /** {@code task} on the current searcher as it is (no budget), released afterwards. */
  private <T> T withSearcher(SearchTask<T> task) {
    try {
      IndexSearcher s = manager.acquire();
      try {
        return task.apply((Snapshot) s);
      } finally {
        manager.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void refreshQuietly() {
    try {
      manager.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      // A half-written commit from a concurrent rebuild, say: keep serving the current one and try again.
      System.err.println("index refresh failed, still serving the previous index: " + e);
    }
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    if (searchThreads != null) {
      searchThreads.shutdownNow();
    }
    try {
      manager.close();
    } finally {
      directory.close();
    }
  }
}
