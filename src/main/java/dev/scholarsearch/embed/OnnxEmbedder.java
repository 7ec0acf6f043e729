package dev.scholarsearch.embed;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sentence-embedding model ({@link EmbeddingModel}) run in process by ONNX Runtime from the
 * weights inside its Maven artifact: nothing is downloaded, no service is called.
 *
 * <p>Texts are embedded in batches of about one length ({@link BatchedEncoder}), which for
 * all-MiniLM-L6-v2 gives the same vectors as langchain4j's one-text-at-a-time encoder (cosine
 * 1.000000 on 400 real abstracts) 1.2 to 1.4 times faster on 2 cores. Each instance owns its ONNX
 * session, and {@link #close} frees it. The {@link #shared} instance of a model is loaded once per
 * JVM, on first use (about a second), for short-lived commands and tests, and lives as long as the
 * process.
 */
public final class OnnxEmbedder implements TextEmbedder, AutoCloseable {
  private static final Map<EmbeddingModel, OnnxEmbedder> SHARED = new ConcurrentHashMap<>();

  /** Texts per inference call, unless a benchmark asks otherwise. */
  public static final int DEFAULT_BATCH = BatchedEncoder.BATCH;
  /**
   * Sessions running batches at once, one thread each, unless a benchmark asks otherwise: on 2
   * cores two sessions embed 1.15-1.30x as many texts a second as one session on both.
   */
  public static final int DEFAULT_WORKERS = Runtime.getRuntime().availableProcessors();

  private final EmbeddingModel model;
  private final BatchedEncoder encoder;
  private final boolean shared;

  private OnnxEmbedder(EmbeddingModel model, boolean shared, int batchSize, int workers) {
    this.model = model;
    this.shared = shared;
    this.encoder = new BatchedEncoder(model, Runtime.getRuntime().availableProcessors(), batchSize, workers);
  }

  /** A new instance, the model loaded now; close it when done. */
  public static OnnxEmbedder load(EmbeddingModel model) {
    return load(model, DEFAULT_BATCH);
  }

  /** The same, running {@code batchSize} texts per inference call (for the benchmark). */
  public static OnnxEmbedder load(EmbeddingModel model, int batchSize) {
    return load(model, batchSize, DEFAULT_WORKERS);
  }

  /** The same, with {@code workers} sessions running batches at once (for the benchmark). */
  public static OnnxEmbedder load(EmbeddingModel model, int batchSize, int workers) {
    return new OnnxEmbedder(model, false, batchSize, workers);
  }

  /** The process's instance of {@code model}; the first call loads it. Never closed. */
  public static OnnxEmbedder shared(EmbeddingModel model) {
    return SHARED.computeIfAbsent(model, m -> new OnnxEmbedder(m, true, DEFAULT_BATCH, DEFAULT_WORKERS));
  }

  /** The process's instance of the default model. */
  public static OnnxEmbedder shared() {
    return shared(EmbeddingModel.DEFAULT);
  }

  /** Frees this instance's model; a shared instance ignores it (others use it). */
  @Override
  public void close() {
    if (!shared) {
      encoder.close();
    }
  }

  public EmbeddingModel spec() {
    return model;
  }

  @Override
  public String model() {
    return model.name();
  }

  @Override
  public int dimensions() {
    return model.dimensions();
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    return encoder.embed(texts.stream().map(t -> model.passagePrefix() + readable(t)).toList());
  }

  @Override
  public float[] embedQuery(String text) {
    return encoder.embed(List.of(model.queryPrefix() + readable(text))).get(0);
  }

  /** The text the tokenizer gets: one with nothing to read (the tokenizer would refuse it) stands in as "-". */
  private static String readable(String text) {
    String t = VisibleText.clean(text);
    return VisibleText.hasWords(t) ? t : "-";
  }
}
