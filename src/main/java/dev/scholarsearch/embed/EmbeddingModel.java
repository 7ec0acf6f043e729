package dev.scholarsearch.embed;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A sentence-embedding model whose ONNX weights and tokenizer ship in a Maven artifact, and how to
 * run it: how many tokens it reads, how its token embeddings become one vector, and what it wants
 * in front of a query and of a passage. An index records the model's {@link #name}; queries are
 * embedded with the same model or not at all.
 *
 * @param name the name users give ({@code index --model}) and the manifest records
 * @param resource the weights {@code resource.onnx} and tokenizer {@code resource-tokenizer.json}
 * @param maxTokens word pieces read per text, the special tokens included; the rest is cut off
 * @param pooling how the token embeddings become the text's vector
 * @param queryPrefix put before a query (asymmetric models are trained with one), "" for none
 * @param passagePrefix put before a paper's text, "" for none
 */
public record EmbeddingModel(String name, String resource, int dimensions, int maxTokens, Pooling pooling,
    String queryPrefix, String passagePrefix) {

  /** How a text's vector is made from its token embeddings. */
  public enum Pooling {
    /** The mean of the text's own tokens (not the padding). */
    MEAN,
    /** The first token's embedding, [CLS]. */
    CLS
  }

  /** all-MiniLM-L6-v2 as langchain4j runs it: 128 tokens, mean pooled. The default until 2026-12-02. */
  public static final EmbeddingModel MINILM =
      new EmbeddingModel("all-MiniLM-L6-v2", "all-minilm-l6-v2", 384, 128, Pooling.MEAN, "", "");

  /**
   * The same model with int8 weights, the default: it embeds real abstracts 2.0x as fast on 2 cores
   * (107 against 52 a second), and ranks as well in hybrid mode (SciFact train nDCG@10 0.7247
   * against 0.7257, CACM within 0.001 or better on every task; docs/EVALUATION.md).
   */
  public static final EmbeddingModel MINILM_Q =
      new EmbeddingModel("all-MiniLM-L6-v2-q", "all-minilm-l6-v2-q", 384, 128, Pooling.MEAN, "", "");

  /** bge-small-en-v1.5, int8: reads 512 tokens; queries carry the instruction it was trained with. */
  public static final EmbeddingModel BGE_SMALL_Q = new EmbeddingModel("bge-small-en-v1.5-q", "bge-small-en-v1.5-q",
      384, 512, Pooling.CLS, "Represent this sentence for searching relevant passages: ", "");

  /** e5-small-v2, int8: reads 512 tokens, "query: " and "passage: " in front. */
  public static final EmbeddingModel E5_SMALL_Q =
      new EmbeddingModel("e5-small-v2-q", "e5-small-v2-q", 384, 512, Pooling.MEAN, "query: ", "passage: ");

  public static final List<EmbeddingModel> KNOWN = List.of(MINILM_Q, MINILM, BGE_SMALL_Q, E5_SMALL_Q);

  /** The default model's name, a constant for help texts. */
  public static final String DEFAULT_NAME = "all-MiniLM-L6-v2-q";

  /** The model a new index gets. */
  public static final EmbeddingModel DEFAULT = named(DEFAULT_NAME).orElseThrow();

  /** The most tokens any of these models can read: BERT's 512 position embeddings. */
  public static final int POSITIONS = 512;

  public EmbeddingModel {
    if (maxTokens < 8 || dimensions < 1) {
      throw new IllegalArgumentException("model " + name + ": maxTokens " + maxTokens + ", dimensions " + dimensions);
    }
  }

  /**
   * The known model called {@code name} (case ignored); {@code name@N} is that model reading at most
   * N tokens, a cheaper variant whose vectors are its own (it embeds long texts faster, and sees less
   * of them).
   */
  public static Optional<EmbeddingModel> named(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    int at = n.indexOf('@');
    String base = at < 0 ? n : n.substring(0, at);
    Optional<EmbeddingModel> known = KNOWN.stream().filter(m -> m.name.toLowerCase(Locale.ROOT).equals(base)).findFirst();
    if (at < 0 || known.isEmpty()) {
      return known;
    }
    int tokens;
    try {
      tokens = Integer.parseInt(n.substring(at + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    EmbeddingModel m = known.get();
    if (tokens < 16 || tokens > POSITIONS) {
      return Optional.empty();
    }
    return Optional.of(tokens == m.maxTokens ? m : new EmbeddingModel(m.name + "@" + tokens, m.resource, m.dimensions,
        tokens, m.pooling, m.queryPrefix, m.passagePrefix));
  }

  /** Like {@link #named}, but an unknown name is an error that lists the known ones. */
  public static EmbeddingModel parse(String name) {
    return named(name).orElseThrow(() -> new IllegalArgumentException("unknown embedding model '" + name
        + "'; known: " + names() + " (NAME@N reads at most N tokens, 16 to " + POSITIONS + ")"));
  }

  /** The known models' names, comma-separated, the default first. */
  public static String names() {
    return KNOWN.stream().map(EmbeddingModel::name).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return name;
  }
}
