package dev.scholarsearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.scholarsearch.index.InvalidRequestException;
import io.javalin.http.Context;

/** JSON for the API: dates as ISO strings, nulls left out, and strict request bodies. */
final class Json {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
      .build();

  static {
    // A missing year or date reads "year": null, not 0 and not left out: a client sees the field
    // it was promised and can tell "unknown" from a value.
    MAPPER.configOverride(Integer.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));
    MAPPER.configOverride(java.time.LocalDate.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));
    // {"text": 5} is a mistake, not the text "5".
    MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
  }

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
    } catch (MismatchedInputException e) {
      String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
      throw new InvalidRequestException("bad_body", field == null
          ? "the request body must be a JSON object like {\"text\": \"...\", \"limit\": 10}"
          : "field '" + field + "' has the wrong type: 'text' must be a string and 'limit' a whole number");
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("bad_body", "the request body is not valid JSON of the expected shape: "
          + Params.clip(e.getOriginalMessage()));
    }
  }
}
