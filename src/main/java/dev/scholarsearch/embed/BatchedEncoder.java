package dev.scholarsearch.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * An {@link EmbeddingModel} run by ONNX Runtime on batches of texts of about the same length: each
 * batch is padded only to its own longest text, and several sessions, each on its share of the
 * cores, run batches at once (a small model on one core wastes less time waiting for the others
 * than one call spread over all of them). The model and tokenizer are the ones inside langchain4j's artifacts; texts are cut at the
 * model's token limit, and vectors are pooled as the model was trained (the mean under the
 * attention mask, or [CLS]).
 */
final class BatchedEncoder implements AutoCloseable {
  /**
   * Texts per inference call. With a session per core, batches of 4 ran 1.19-1.30x the texts a
   * second of one session on both cores in batches of 8, and batches of 8 ran 1.15x (`bench-embed`,
   * 1,500 real and 1,000 SciFact abstracts, 2 cores). It stays 8: the int8 model scales its
   * activations over the whole batch, so the batch changes the vectors a little, and SciFact's
   * semantic nDCG@10 fell 0.0047 with batches of 4; with 8 the vectors are the ones indexes hold.
   */
  static final int BATCH = 8;

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  /** One session per worker; worker w runs only on sessions[w]. */
  private final OrtSession[] sessions;
  /** Runs the workers beyond the caller's thread; null with one worker. */
  private final java.util.concurrent.ExecutorService pool;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;
  private final int batchSize;
  private final EmbeddingModel.Pooling pooling;

  BatchedEncoder(EmbeddingModel model, int threads) {
    this(model, threads, BATCH, 1);
  }

  /**
   * {@code model}'s weights and tokenizer from the classpath, run {@code batchSize} texts at a time
   * by {@code workers} sessions at once, which share the {@code threads} cores between them.
   */
  BatchedEncoder(EmbeddingModel spec, int threads, int batchSize, int workers) {
    this.batchSize = batchSize;
    this.pooling = spec.pooling();
    this.sessions = new OrtSession[workers];
    try (InputStream model = resource(spec, ".onnx");
        InputStream vocab = resource(spec, "-tokenizer.json");
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // Each session gets its share of the cores: more threads than cores oversubscribes them.
      options.setIntraOpNumThreads(Math.max(1, threads / workers));
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      byte[] weights = model.readAllBytes();
      for (int w = 0; w < workers; w++) {
        sessions[w] = env.createSession(weights, options);
      }
      this.pool = workers > 1 ? java.util.concurrent.Executors.newFixedThreadPool(workers - 1, r -> {
        Thread t = new Thread(r, "embed-worker");
        t.setDaemon(true);
        return t;
      }) : null;
      this.tokenizer = HuggingFaceTokenizer.newInstance(vocab,
          Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(spec.maxTokens())));
      this.typeIds = sessions[0].getInputNames().contains("token_type_ids");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
    }
  }

  /** Unit vectors of {@code texts}, in their order. */
  List<float[]> embed(List<String> texts) {
    // One native call for all the texts: the tokenizer runs them on every core, and a sixth of the
    // time went to tokenizing one text per call.
    List<Encoding> encodings = List.of(tokenizer.batchEncode(texts));
    // Longest first, so each batch holds texts of about one length and pads little.
    Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> -encodings.get(i).getIds().length));
    float[][] out = new float[texts.size()][];
    int batches = (order.length + batchSize - 1) / batchSize;
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.IntConsumer worker = w -> {
      for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
        List<Integer> batch = List.of(order).subList(b * batchSize, Math.min(order.length, (b + 1) * batchSize));
        List<float[]> vectors = run(sessions[w], batch.stream().map(encodings::get).toList());
        for (int i = 0; i < batch.size(); i++) {
          out[batch.get(i)] = vectors.get(i);
        }
      }
    };
    List<java.util.concurrent.Future<?>> others = new ArrayList<>();
    for (int w = 1; w < sessions.length; w++) {
      int id = w;
      others.add(pool.submit(() -> worker.accept(id)));
    }
    worker.accept(0);
    for (java.util.concurrent.Future<?> f : others) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while embedding", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
      }
    }
    return List.of(out);
  }

  private List<float[]> run(OrtSession session, List<Encoding> batch) {
    int n = batch.size();
    int len = batch.stream().mapToInt(e -> e.getIds().length).max().orElse(0);
    long[] ids = new long[n * len];
    long[] mask = new long[n * len];
    for (int b = 0; b < n; b++) {
      long[] t = batch.get(b).getIds();
      System.arraycopy(t, 0, ids, b * len, t.length);
      java.util.Arrays.fill(mask, b * len, b * len + t.length, 1L);
    }
    long[] shape = {n, len};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (typeIds) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * len]), shape));
      }
      try (OrtSession.Result r = session.run(inputs)) {
        // One flat copy of the token states, [text][token][dimension], rather than getValue()'s
        // n * len small arrays.
        java.nio.FloatBuffer hidden = ((OnnxTensor) r.get(0)).getFloatBuffer();
        int dims = hidden.capacity() / (n * len);
        List<float[]> vectors = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
          float[] v = pooling == EmbeddingModel.Pooling.CLS
              ? meanPool(hidden, b * len * dims, 1, dims)
              : meanPool(hidden, b * len * dims, batch.get(b).getIds().length, dims);
          vectors.add(TextEmbedder.normalize(v));
        }
        return vectors;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /**
   * The mean of the first {@code tokens} token states of the text starting at {@code offset}: the
   * text's own, not the padding ([CLS] alone when {@code tokens} is 1).
   */
  private static float[] meanPool(java.nio.FloatBuffer hidden, int offset, int tokens, int dims) {
    float[] mean = new float[dims];
    for (int t = 0; t < tokens; t++) {
      int at = offset + t * dims;
      for (int d = 0; d < dims; d++) {
        mean[d] += hidden.get(at + d);
      }
    }
    for (int d = 0; d < dims; d++) {
      mean[d] /= tokens;
    }
    return mean;
  }

  private static InputStream resource(EmbeddingModel model, String suffix) {
    String name = "/" + model.resource() + suffix;
    InputStream in = BatchedEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is missing from the classpath (the langchain4j artifact of " + model + ")");
    }
    return in;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
    for (OrtSession session : sessions) {
      try {
        session.close();
      } catch (OrtException e) {
        // closing on the way out
      }
    }
    tokenizer.close();
  }
}
