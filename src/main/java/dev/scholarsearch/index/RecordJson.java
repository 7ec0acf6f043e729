package dev.scholarsearch.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.scholarsearch.model.MetricsStats;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.ProfileStats;
import dev.scholarsearch.model.Researcher;
import dev.scholarsearch.model.TrustStats;
import java.io.UncheckedIOException;

/** The JSON stored with each document, so one stored-field read gives back the whole record. */
public final class RecordJson {
  /** Shared and thread-safe once configured. */
  static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS)
      .addMixIn(ProfileStats.class, StatsMixin.class);

  /** Tells the two stats records apart in JSON without putting Jackson into the model. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = TrustStats.class, name = "trust"),
    @JsonSubTypes.Type(value = MetricsStats.class, name = "metrics")
  })
  private interface StatsMixin {}

  private RecordJson() {}

  public static String write(Object record) {
    try {
      if (record instanceof Paper p) {
        return MAPPER.writeValueAsString(compact(p));
      }
      return MAPPER.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code p} without the raw title and abstract where they equal the cleaned ones, as they mostly
   * do: stored twice they were half of every record (the 86k corpus's records: 242 MB of text).
   * Reading the record back fills them in from the cleaned ones ({@link Paper}'s constructor).
   */
  private static ObjectNode compact(Paper p) {
    ObjectNode n = MAPPER.valueToTree(p);
    if (p.rawTitle().equals(p.title())) {
      n.remove("rawTitle");
    }
    if (p.rawAbstract().equals(p.abstractText())) {
      n.remove("rawAbstract");
    }
    return n;
  }

  public static Paper paper(String json) {
    return read(json, Paper.class);
  }

  public static Researcher researcher(String json) {
    return read(json, Researcher.class);
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("stored record is not readable as " + type.getSimpleName(), e);
    }
  }
}
