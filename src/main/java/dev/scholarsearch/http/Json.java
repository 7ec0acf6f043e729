package dev.scholarsearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.scholarsearch.search.InvalidRequestException;
import io.javalin.http.Context;

/** JSON for the API: dates as ISO strings, nulls left out, and strict request bodies. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Json() {}

  /** Parses the request body; malformed JSON or unknown fields are a 400 naming the problem. */
  static <T> T body(Context ctx, Class<T> type) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw new InvalidRequestException("bad_body", "the request body must be a JSON object");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw new InvalidRequestException("bad_body", "the request body must be a JSON object, got null");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidRequestException("bad_body", "unknown field '" + Params.clip(e.getPropertyName())
          + "' in the body; known fields: " + e.getKnownPropertyIds());
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("bad_body", "the request body is not valid JSON of the expected shape: "
          + Params.clip(e.getOriginalMessage()));
    }
  }
}
