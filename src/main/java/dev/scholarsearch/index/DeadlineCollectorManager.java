package dev.scholarsearch.index;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;

/**
 * Wraps a collector manager so that collecting stops with a {@link QueryTimeoutException} once a
 * deadline has passed. It serves where Lucene's own time limit cannot: DrillSideways scores a
 * segment in one pass that the time-limited bulk scorer would have to split.
 */
public final class DeadlineCollectorManager<C extends Collector, T> implements CollectorManager<Collector, T> {
  /** Checking the clock every document would cost more than it saves. */
  private static final int CHECK_EVERY = 256;

  private final CollectorManager<C, T> inner;
  private final long deadlineNanos;
  private final Duration budget;
  private final Map<Collector, C> wrapped = new IdentityHashMap<>();

  public DeadlineCollectorManager(CollectorManager<C, T> inner, long deadlineNanos, Duration budget) {
    this.inner = inner;
    this.deadlineNanos = deadlineNanos;
    this.budget = budget;
  }

  @Override
  public Collector newCollector() throws IOException {
    C c = inner.newCollector();
    Collector outer = new FilterCollector(c) {
      @Override
      public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        checkDeadline();
        return new FilterLeafCollector(super.getLeafCollector(context)) {
          private int collected;

          @Override
          public void collect(int doc) throws IOException {
            if (++collected % CHECK_EVERY == 0) {
              checkDeadline();
            }
            super.collect(doc);
          }
        };
      }
    };
    synchronized (wrapped) {
      wrapped.put(outer, c);
    }
    return outer;
  }

  private void checkDeadline() {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new QueryTimeoutException(budget);
    }
  }

  @Override
  public T reduce(Collection<Collector> collectors) throws IOException {
    List<C> unwrapped = new ArrayList<>();
    synchronized (wrapped) {
      for (Collector c : collectors) {
        unwrapped.add(wrapped.get(c));
      }
    }
    return inner.reduce(unwrapped);
  }
}
