package dev.scholarsearch.search;

import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Type-ahead over paper titles, researcher names and topics (category codes), with Lucene's
 * AnalyzingInfixSuggester in memory. It is built on a thread of its own, outside any request's
 * time budget: on the 86k real corpus a build takes about 10 s, and built inside the request that
 * found it missing it made the first suggestion after a start, and after each rebuild, a timeout.
 * When the index changes, a request waits for the new one for a part of its budget and is
 * otherwise answered by the previous one; the very first build, until it is ready, is a 503 with
 * Retry-After.
 */
public final class Suggester implements Closeable, TypeAhead {
  public static final int MAX_RESULTS = 10;
  private final LiveIndex index;
  private final Object lock = new Object();
  private final ExecutorService builder = Executors.newSingleThreadExecutor(
      Thread.ofPlatform().daemon().name("suggester-build").factory());
  private Built current; // guarded by lock
  private Object pendingKey; // guarded by lock: the reader the build under way is for
  private CompletableFuture<Built> pending; // guarded by lock
  private final Runnable unsubscribe;

  private record Built(Object readerKey, AnalyzingInfixSuggester lookup) {}

  /** The type-ahead is still being built for the index being served: a 503 with Retry-After, not an error. */
  public static final class NotReadyException extends RuntimeException {
    NotReadyException(String message) {
      super(message);
    }
  }

  public Suggester(LiveIndex index) {
    this.index = index;
    // A rebuilt index gets its type-ahead built as soon as it is served, not when someone first types.
    this.unsubscribe = index.onNewCommit(this::prepare);
  }

  /** Starts building for the index as it is now, so that the first request finds it ready. */
  public void prepare() {
    Object key = index.withoutBudget(Suggester::readerKey);
    synchronized (lock) {
      if (current != null && current.readerKey() == key) {
        return; // built for this commit already
      }
      try {
        buildFor(key);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // closed meanwhile: nothing left to build for
      }
    }
  }

  @Override
  public List<Suggestion> suggest(String prefix, int limit) {
    String p = checked(prefix, limit);
    AnalyzingInfixSuggester lookup = lookup();
    try {
      List<Suggestion> out = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (Lookup.LookupResult r : lookup.lookup(p, false, limit * 2)) {
        String[] payload = r.payload.utf8ToString().split("\t", 2);
        if (seen.add(sameKey(payload[0], r.key.toString())) && out.size() < limit) {
          out.add(new Suggestion(r.key.toString(), payload[0], payload[1]));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What makes two suggestions the same to the reader: their kind, and their text but for case
   * ("Deep learning" and "Deep Learning", two papers' titles, are one line of the list, the best).
   */
  public static String sameKey(String kind, String text) {
    return kind + "\t" + text.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The prefix, stripped, when it and {@code limit} are what any type-ahead takes; else the bad
   * request that says why.
   */
  public static String checked(String prefix, int limit) {
    String p = prefix == null ? "" : prefix.strip();
    if (p.isEmpty()) {
      throw InvalidRequestException.badParameter("q must not be empty");
    }
    if (p.length() > 100) {
      throw InvalidRequestException.badParameter("q must be at most 100 characters for suggestions, got " + p.length());
    }
    if (limit < 1 || limit > MAX_RESULTS) {
      throw InvalidRequestException.badParameter("limit must be between 1 and " + MAX_RESULTS + ", got " + limit);
    }
    return p;
  }

  /** Researchers weigh by paper count, topics by usage, titles least: the order suggestions come in. */
  public static long researcherWeight(long papers) {
    return 1000 + 10 * papers;
  }

  public static long topicWeight(long papers) {
    return 500 + papers;
  }

  private AnalyzingInfixSuggester lookup() {
    Object key = index.withoutBudget(Suggester::readerKey);
    CompletableFuture<Built> building;
    Built previous;
    synchronized (lock) {
      if (current != null && current.readerKey() == key) {
        return current.lookup();
      }
      building = buildFor(key);
      previous = current;
    }
    // A small index builds in milliseconds: wait a little, so a change shows at once where it can.
    long waitMs = previous == null ? index.budget().toMillis() : Math.min(200, index.budget().toMillis() / 4);
    try {
      return building.get(waitMs, TimeUnit.MILLISECONDS).lookup();
    } catch (TimeoutException e) {
      if (previous != null) {
        return previous.lookup(); // the index before the change, until the new one is built
      }
      throw new NotReadyException("suggestions are being prepared for this index (about 10 s for 100,000 "
          + "papers); try again shortly");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for suggestions", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /** The build for the reader {@code key}, started unless one is under way; call with the lock held. */
  private CompletableFuture<Built> buildFor(Object key) {
    if (pending != null && pendingKey == key) {
      return pending;
    }
    CompletableFuture<Built> build = CompletableFuture.supplyAsync(() -> index.withoutBudget(searcher -> {
      // The reader that was current when the build began may have changed meanwhile; building for
      // it still gives the answers of a commit that was served, and the next request asks again.
      return new Built(readerKey(searcher), build(searcher));
    }), builder);
    build.whenComplete((built, failure) -> {
      synchronized (lock) {
        if (built != null) {
          // Builds run one at a time in the order they began, so this one is the newest. The old
          // suggester is left to the garbage collector, not closed: a lookup may still be using it,
          // and it holds only heap (a ByteBuffersDirectory), no files or threads.
          current = built;
        }
        if (pending == build) {
          pending = null;
          pendingKey = null;
        }
      }
    });
    pending = build;
    pendingKey = key;
    return build;
  }

  private static Object readerKey(LiveIndex.Snapshot searcher) {
    return searcher.getIndexReader().getReaderCacheHelper().getKey();
  }

  private static AnalyzingInfixSuggester build(LiveIndex.Snapshot searcher) throws IOException {
    AnalyzingInfixSuggester s = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), Analyzers.names(), Analyzers.names(),
        AnalyzingInfixSuggester.DEFAULT_MIN_PREFIX_CHARS, true);
    s.build(new Entries(searcher));
    return s;
  }

  /** Every suggestion source as one stream: researcher names weigh by paper count, topics by usage, titles least. */
  private static final class Entries implements InputIterator {
    private final Iterator<Entry> it;
    private Entry cur;

    private record Entry(String text, long weight, String kind, String id) {}

    Entries(LiveIndex.Snapshot searcher) throws IOException {
      List<Entry> all = new ArrayList<>();
      IndexReader reader = searcher.getIndexReader();
      for (LeafReaderContext ctx : reader.leaves()) {
        LeafReader leaf = ctx.reader();
        StoredFields stored = leaf.storedFields();
        NumericDocValues counts = leaf.getNumericDocValues(Fields.PAPER_COUNT);
        Bits live = leaf.getLiveDocs();
        for (int d = 0; d < leaf.maxDoc(); d++) {
          if (live != null && !live.get(d)) {
            continue;
          }
          Document doc = stored.document(d, Set.of(Fields.ID, Fields.TITLE, Fields.NAME));
          String name = doc.get(Fields.NAME);
          if (name != null) {
            long papers = counts != null && counts.advanceExact(d) ? counts.longValue() : 0;
            all.add(new Entry(name, researcherWeight(papers), "researcher", doc.get(Fields.ID)));
          } else if (doc.get(Fields.TITLE) != null) {
            all.add(new Entry(doc.get(Fields.TITLE), 1, "paper", doc.get(Fields.ID)));
          }
        }
      }
      SortedSetDocValuesReaderState categories = searcher.facetStates().get(Fields.FACET_CATEGORY);
      if (categories != null) {
        FacetResult cats = new SortedSetDocValuesFacetCounts(categories)
            .getTopChildren(1000, Fields.FACET_CATEGORY);
        if (cats != null) {
          for (LabelAndValue lv : cats.labelValues) {
            all.add(new Entry(lv.label, topicWeight(lv.value.longValue()), "topic", lv.label));
          }
        }
      }
      it = all.iterator();
    }

    @Override
    public BytesRef next() {
      if (!it.hasNext()) {
        return null;
      }
      cur = it.next();
      return new BytesRef(cur.text());
    }

    @Override
    public long weight() {
      return cur.weight();
    }

    @Override
    public BytesRef payload() {
      return new BytesRef((cur.kind() + "\t" + cur.id()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    unsubscribe.run();
    builder.shutdownNow();
    synchronized (lock) {
      if (current != null) {
        current.lookup().close();
        current = null;
      }
    }
  }
}
