package dev.scholarsearch.index;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs a loop over 0..n-1 on one thread per core, for the indexer. Not a parallel stream: when the
 * heap runs out, a fork-join worker can die while the pool replaces it, and the task that waits
 * for it then waits for ever (seen: {@code OutOfMemoryTest} hung once the build got as far as
 * adding documents). Here each thread records its failure without allocating, and the caller
 * joins the threads, which needs no memory either, then throws the first failure.
 */
final class OnAllCores {
  private OnAllCores() {}

  /**
   * Calls {@code body} with every index below {@code n}: on all cores in no particular order when
   * {@code parallel}, else in order on this thread. Rethrows the first failure.
   */
  static void forEach(int n, boolean parallel, IntConsumer body) {
    if (!parallel) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    int threads = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable work = () -> {
      try {
        for (int i = next.getAndIncrement(); i < n && failure.get() == null; i = next.getAndIncrement()) {
          body.accept(i);
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    };
    Thread[] started = new Thread[threads - 1];
    try {
      for (int t = 0; t < started.length; t++) {
        started[t] = new Thread(work, "indexer-" + t);
        started[t].start();
      }
      work.run(); // the caller's thread is one of them
    } finally {
      for (Thread t : started) {
        joinQuietly(t);
      }
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  private static void joinQuietly(Thread t) {
    if (t == null) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the work still has to stop before the build can fail or go on
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
