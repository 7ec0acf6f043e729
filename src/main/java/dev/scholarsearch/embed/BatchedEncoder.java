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
 * batch is padded only to its own longest text, and one inference call runs a whole batch on all
 * cores. The model and tokenizer are the ones inside langchain4j's artifacts; texts are cut at the
 * model's token limit, and vectors are pooled as the model was trained (the mean under the
 * attention mask, or [CLS]).
 */
final class BatchedEncoder implements AutoCloseable {
  /**
   * Texts per inference call. On 2 cores, 256 real abstracts: 42/s one at a time, 55/s in batches
   * of 8, no faster in batches of 32 or 64 (and more padding where lengths differ).
   */
  static final int BATCH = 8;

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;
  private final int batchSize;
  private final EmbeddingModel.Pooling pooling;

  BatchedEncoder(EmbeddingModel model, int threads) {
    this(model, threads, BATCH);
  }

  /** {@code model}'s weights and tokenizer from the classpath, run {@code batchSize} texts at a time. */
  BatchedEncoder(EmbeddingModel spec, int threads, int batchSize) {
    this.batchSize = batchSize;
    this.pooling = spec.pooling();
    try (InputStream model = resource(spec, ".onnx");
        InputStream vocab = resource(spec, "-tokenizer.json");
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // One call at a time on all cores: running texts in parallel, each on all cores, oversubscribes them.
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = env.createSession(model.readAllBytes(), options);
      this.tokenizer = HuggingFaceTokenizer.newInstance(vocab,
          Map.of("padding", "false", "truncation", "true", "maxLength", Integer.toString(spec.maxTokens())));
      this.typeIds = session.getInputNames().contains("token_type_ids");
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
    for (int from = 0; from < order.length; from += batchSize) {
      List<Integer> batch = List.of(order).subList(from, Math.min(order.length, from + batchSize));
      List<float[]> vectors = run(batch.stream().map(encodings::get).toList());
      for (int i = 0; i < batch.size(); i++) {
        out[batch.get(i)] = vectors.get(i);
      }
    }
    return List.of(out);
  }

  private List<float[]> run(List<Encoding> batch) {
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
        float[][][] hidden = (float[][][]) r.get(0).getValue();
        List<float[]> vectors = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
          float[] v = pooling == EmbeddingModel.Pooling.CLS
              ? hidden[b][0].clone()
              : meanPool(hidden[b], batch.get(b).getIds().length);
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

  /** The mean of the first {@code tokens} token embeddings: the text's own, not the padding. */
  private static float[] meanPool(float[][] tokenEmbeddings, int tokens) {
    float[] mean = new float[tokenEmbeddings[0].length];
    for (int t = 0; t < tokens; t++) {
      for (int d = 0; d < mean.length; d++) {
        mean[d] += tokenEmbeddings[t][d];
      }
    }
    for (int d = 0; d < mean.length; d++) {
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
    try {
      session.close();
    } catch (OrtException e) {
      // closing on the way out
    }
    tokenizer.close();
  }
}
