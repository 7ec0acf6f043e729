package dev.scholarsearch.embed;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The embedding model, loaded once per process and warmed up with one embedding (the first ONNX
 * run is several times slower than the next), and whatever else the loader warms up. Searches wait
 * for it outside their time budget, for at most {@link #MAX_WAIT}: loading is the process's cost,
 * not the query's.
 */
public final class EmbedderHandle implements Supplier<TextEmbedder>, AutoCloseable {
  /** How long a request waits for the model before it is answered "not ready, try again". */
  public static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /** The process's handles, one per model. */
  private static final Map<EmbeddingModel, EmbedderHandle> SHARED = new ConcurrentHashMap<>();

  /** Where the model stands, for {@code /api/health}. */
  public enum State { NOT_LOADED, WARMING, READY, FAILED }

  private final Supplier<TextEmbedder> loader;
  private final CompletableFuture<TextEmbedder> loaded = new CompletableFuture<>();
  private volatile boolean started;

  public EmbedderHandle(Supplier<TextEmbedder> loader) {
    this.loader = loader;
  }

  /** The process's handle on {@code model}, shared by everything that embeds with it. */
  public static EmbedderHandle shared(EmbeddingModel model) {
    return SHARED.computeIfAbsent(model, m -> new EmbedderHandle(() -> OnnxEmbedder.shared(m)));
  }

  /** A handle on a model already loaded. */
  public static EmbedderHandle of(TextEmbedder loaded) {
    EmbedderHandle h = new EmbedderHandle(() -> loaded);
    h.begin();
    h.loaded.complete(loaded);
    return h;
  }

  /** Starts loading the model in the background, if it has not started yet; returns at once. */
  public EmbedderHandle startLoading() {
    if (begin()) {
      Thread t = new Thread(this::load, "embedder-load");
      t.setDaemon(true);
      t.start();
    }
    return this;
  }

  /**
   * The loaded model: loads it in this thread when nothing has started loading it, else waits for
   * the load under way for at most {@code maxWait}.
   *
   * @throws ModelNotReadyException when it is still loading after {@code maxWait}, or failed to load
   */
  public TextEmbedder await(Duration maxWait) {
    if (begin()) {
      load();
    }
    try {
      return loaded.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ModelNotReadyException("the embedding model is still loading after " + maxWait.toSeconds()
          + " s; try again shortly, or use mode=lexical");
    } catch (ExecutionException e) {
      throw new ModelNotReadyException("the embedding model failed to load (" + e.getCause()
          + "); semantic and hybrid search are off, mode=lexical works");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelNotReadyException("interrupted while waiting for the embedding model");
    }
  }

  /** The model, waiting at most {@link #MAX_WAIT}. */
  @Override
  public TextEmbedder get() {
    return await(MAX_WAIT);
  }

  public State state() {
    if (!started) {
      return State.NOT_LOADED;
    }
    if (!loaded.isDone()) {
      return State.WARMING;
    }
    return loaded.isCompletedExceptionally() ? State.FAILED : State.READY;
  }

  private synchronized boolean begin() {
    if (started) {
      return false;
    }
    started = true;
    return true;
  }

  /** Closes the model this handle loaded, once loaded (a model that closes: {@link OnnxEmbedder}). */
  @Override
  public void close() {
    loaded.thenAccept(e -> {
      if (e instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing on the way out: nothing left to do about it
        }
      }
    });
  }

  private void load() {
    try {
      TextEmbedder e = loader.get();
      e.embedQuery("warm up");
      loaded.complete(e);
    } catch (RuntimeException | Error e) {
      loaded.completeExceptionally(e);
    }
  }
}
