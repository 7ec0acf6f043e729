package dev.scholarsearch.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds and the wall time they took: percentiles and throughput. */
public final class Latencies {
  private long[] samples = new long[1024];
  private int n;
  private long wallNanos;

  public synchronized void add(long nanos) {
    if (n == samples.length) {
      samples = Arrays.copyOf(samples, n * 2);
    }
    samples[n++] = nanos;
  }

  public synchronized void wall(long nanos) {
    wallNanos = nanos;
  }

  public synchronized int count() {
    return n;
  }

  /** The p-th percentile (nearest rank) in milliseconds. */
  public synchronized double percentileMs(double p) {
    if (n == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, n);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * n);
    return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
  }

  public synchronized double qps() {
    return wallNanos == 0 ? Double.NaN : n / (wallNanos / 1e9);
  }
}
