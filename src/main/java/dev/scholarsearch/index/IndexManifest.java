package dev.scholarsearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.scholarsearch.embed.EmbeddingModel;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an index was built from, kept in the Lucene commit's user data so it changes atomically
 * with the index itself.
 *
 * @param inputs the inputs (absolute paths) the index covers; the next {@code index} run keeps them
 * @param fingerprint a hash of the input files' names, sizes and modification times, and the schema
 * @param builtAt when the commit was made
 * @param papers number of paper documents
 * @param researchers number of researcher documents
 * @param vectorModel the embedding model of the papers' vectors; {@link #NO_VECTORS} when the index
 *     was built without them on purpose ({@code --no-vectors}), "" when its manifest predates vectors
 */
public record IndexManifest(List<String> inputs, String fingerprint, Instant builtAt, int papers, int researchers,
    String vectorModel) {

  public IndexManifest {
    inputs = List.copyOf(inputs);
    vectorModel = java.util.Objects.requireNonNullElse(vectorModel, "");
  }

  public static final String NO_VECTORS = "none";

  /** Whether the papers carry vectors, so semantic and hybrid search can run. */
  public boolean hasVectors() {
    return !vectorModel.isEmpty() && !vectorModel.equals(NO_VECTORS);
  }

  /** The known model the papers' vectors come from: empty without vectors, or for a model this build does not know. */
  public Optional<EmbeddingModel> embeddingModel() {
    return hasVectors() ? EmbeddingModel.named(vectorModel) : Optional.empty();
  }

  public Map<String, String> toUserData() {
    Map<String, String> m = new HashMap<>();
    try {
      m.put("inputs", RecordJson.MAPPER.writeValueAsString(inputs));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    m.put("fingerprint", fingerprint);
    m.put("builtAt", builtAt.toString());
    m.put("papers", Integer.toString(papers));
    m.put("researchers", Integer.toString(researchers));
    m.put("vectorModel", vectorModel);
    m.put("schema", Integer.toString(Fields.SCHEMA_VERSION));
    return m;
  }

  /**
   * Reads the manifest back. A commit without one was not written by this program, and one that
   * does not parse is damaged: both fail, so that no caller takes such an index for an empty one.
   *
   * @throws IllegalArgumentException naming what is missing or malformed
   */
  static IndexManifest fromUserData(Map<String, String> m) {
    for (String key : List.of("inputs", "fingerprint", "builtAt", "papers", "researchers")) {
      if (!m.containsKey(key)) {
        throw new IllegalArgumentException("its commit has no '" + key + "' in the manifest; it was not written by "
            + "scholar-search, or is damaged");
      }
    }
    try {
      List<String> inputs = RecordJson.MAPPER.readValue(m.get("inputs"), new TypeReference<List<String>>() {});
      return new IndexManifest(inputs, m.get("fingerprint"), Instant.parse(m.get("builtAt")),
          Integer.parseInt(m.get("papers")), Integer.parseInt(m.get("researchers")), m.getOrDefault("vectorModel", ""));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("its manifest cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
