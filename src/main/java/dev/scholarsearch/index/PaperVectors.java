package dev.scholarsearch.index;

import dev.scholarsearch.embed.TextEmbedder;
import dev.scholarsearch.embed.VectorCache;
import dev.scholarsearch.model.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The vector of every paper the indexer adds: taken from the cache when the paper's text was
 * embedded before, embedded in batches otherwise (and added to the cache as each batch is done).
 */
public final class PaperVectors implements VectorSource {
  /**
   * Texts per call to the model, which sorts them by length before it batches them: the more it
   * sorts at once, the less padding it runs (512 against 64: 103-139 against 96-112 real abstracts
   * a second on 2 cores). About 5 s of work, so progress stays steady and an interrupted run keeps
   * all but the last few seconds in the cache.
   */
  static final int BATCH = 512;
  private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

  /**
   * What one build did: of the papers that needed a vector (those given a new document), how many
   * were embedded and how many came from the cache.
   *
   * @param embedSeconds the time spent embedding, the model's loading apart
   * @param loadSeconds the time the model took to load (0 when it was loaded already, or not needed)
   */
  public record Stats(String model, int papers, int embedded, int fromCache, double embedSeconds, double loadSeconds) {
    /** One line for the index summary. */
    public String summary() {
      if (papers == 0) {
        return "no paper needed one (every paper kept its document and vector); model " + model;
      }
      return String.format("%,d papers, %,d embedded (%.1f s%s), %,d from the cache; model %s%s", papers, embedded,
          embedSeconds, embedded > 0 ? String.format(", %.0f/s", embedded / Math.max(embedSeconds, 1e-9)) : "",
          fromCache, model, loadSeconds >= 0.05 ? String.format(" (loaded in %.1f s)", loadSeconds) : "");
    }
  }

  private final Supplier<TextEmbedder> model;
  private final VectorCache cache;
  private final Consumer<String> progress;
  /** What {@link #prepare} did; set once per build, read after it. */
  private volatile Stats stats;

  private PaperVectors(Supplier<TextEmbedder> model, VectorCache cache, Consumer<String> progress) {
    this.model = model;
    this.cache = cache;
    this.progress = progress;
    this.stats = new Stats(cache.model(), 0, 0, 0, 0, 0);
  }

  /**
   * Vectors from {@code cache}, embedded by {@code model} when the cache lacks them. The model is
   * loaded only when something needs embedding, so a rebuild of an unchanged corpus costs no more
   * than a lexical one.
   */
  public static PaperVectors using(Supplier<TextEmbedder> model, VectorCache cache, Consumer<String> progress) {
    return new PaperVectors(model, cache, progress);
  }

  /** The text a paper is embedded from: title and abstract, as one passage. */
  public static String text(Paper p) {
    return p.abstractText().isBlank() ? p.title() : p.title() + ". " + p.abstractText();
  }

  /**
   * Embeds every paper of {@code papers} the cache lacks, in batches, reporting progress and an ETA
   * every few seconds; the indexer calls it with the papers it is about to add.
   *
   * <p>Only the missing texts' keys are held for the whole run (about 80 bytes a paper); each text
   * is built again when its batch comes. Holding the texts themselves cost a copy of every title and
   * abstract, a quarter of the heap while the 86k real corpus was embedded.
   */
  @Override
  public void prepare(List<Paper> papers) throws IOException {
    Set<VectorCache.Key> missing = new HashSet<>();
    int fromCache = 0;
    for (Paper p : papers) {
      VectorCache.Key key = cache.key(text(p));
      if (cache.contains(key)) {
        fromCache++;
      } else {
        missing.add(key);
      }
    }
    long start = System.nanoTime();
    double loadSecs = 0;
    if (!missing.isEmpty()) {
      TextEmbedder embedder = model.get();
      // The rate is the model's, not its loading's: the clock starts once it is loaded.
      long loaded = System.nanoTime();
      loadSecs = (loaded - start) / 1e9;
      start = loaded;
      if (!embedder.model().equals(cache.model())) {
        throw new IllegalArgumentException("the cache holds " + cache.model() + " vectors, not " + embedder.model());
      }
      int total = missing.size();
      progress.accept(String.format("embedding %,d papers with %s (%,d already in the cache %s)", total,
          embedder.model(), fromCache, cache.persistent() ? cache.file() : "(not kept: no writable cache)"));
      List<VectorCache.Key> keys = new ArrayList<>(BATCH);
      List<String> texts = new ArrayList<>(BATCH);
      int done = 0;
      long lastReport = start;
      for (int i = 0; i < papers.size() && done < total; i++) {
        String text = text(papers.get(i));
        VectorCache.Key key = cache.key(text);
        if (!missing.remove(key)) {
          continue; // in the cache, or the same text as a paper before it
        }
        keys.add(key);
        texts.add(text);
        if (keys.size() == BATCH || missing.isEmpty()) {
          cache.putAll(keys, embedder.embed(texts));
          done += keys.size();
          keys.clear();
          texts.clear();
          long now = System.nanoTime();
          if (now - lastReport >= PROGRESS_EVERY_NANOS && done < total) {
            double rate = done / ((now - start) / 1e9);
            progress.accept(String.format("embedded %,d of %,d papers (%.0f/s, about %.0f s left)", done, total, rate,
                (total - done) / rate));
            lastReport = now;
          }
        }
      }
    }
    double secs = fromCache == papers.size() ? 0 : (System.nanoTime() - start) / 1e9;
    stats = new Stats(cache.model(), papers.size(), papers.size() - fromCache, fromCache, secs, loadSecs);
  }

  @Override
  public String model() {
    return stats.model();
  }

  /** The paper's vector (from the cache, now that {@link #prepare} has filled it). */
  @Override
  public float[] of(Paper p) {
    try {
      float[] v = cache.get(cache.key(text(p)));
      if (v == null) {
        throw new IllegalStateException("no vector for paper " + p.id());
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Stats stats() {
    return stats;
  }
}
