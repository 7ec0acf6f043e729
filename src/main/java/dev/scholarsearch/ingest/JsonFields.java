package dev.scholarsearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scholarsearch.model.Identifier;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Typed reads of a JSON record's fields, each failing with a message that names the field. */
final class JsonFields {
  private JsonFields() {}

  static String requiredText(JsonNode n, String field) throws InvalidInputException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new InvalidInputException("missing required field '" + field + "'");
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw new InvalidInputException("field '" + field + "' must be a string, got " + v.getNodeType());
    }
    String s = v.asText().strip();
    if (s.isEmpty()) {
      throw new InvalidInputException("required field '" + field + "' is empty");
    }
    return s;
  }

  static String optionalText(JsonNode n, String field) throws InvalidInputException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isValueNode()) {
      throw new InvalidInputException("field '" + field + "' must be a string, got " + v.getNodeType());
    }
    return v.asText();
  }

  /** The text at a path of object fields ({@code primary_location.source.display_name}), "" when any step is missing. */
  static String textAt(JsonNode n, String... path) {
    JsonNode v = n;
    for (String p : path) {
      v = v.path(p);
    }
    return v.isValueNode() && !v.isNull() ? v.asText().strip() : "";
  }

  /** The first of several spellings of a field that is present (APIs and dumps differ in case). */
  static JsonNode either(JsonNode n, String... names) {
    for (String name : names) {
      JsonNode v = n.get(name);
      if (v != null && !v.isNull()) {
        return v;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  static List<String> stringArray(JsonNode n, String field) throws InvalidInputException {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new InvalidInputException("field '" + field + "' must be an array of strings, got " + v.getNodeType());
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (e.isValueNode() && !e.isNull() && !e.asText().isBlank()) {
        out.add(e.asText().strip());
      } else if (!e.isNull()) {
        throw new InvalidInputException("field '" + field + "' must hold strings, found " + e.getNodeType());
      }
    }
    return out;
  }

  static int year(JsonNode v, String field) throws InvalidInputException {
    if (v == null || v.isNull() || v.isMissingNode() || (v.isTextual() && v.asText().isBlank())) {
      return 0;
    }
    String s = v.asText().strip();
    if (!s.matches("\\d{4}")) {
      throw new InvalidInputException("field '" + field + "' must be a four-digit year, got '" + ProfilePageParser.abbreviate(s) + "'");
    }
    return Integer.parseInt(s);
  }

  static LocalDate date(String s) throws InvalidInputException {
    if (s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip().length() > 10 ? s.strip().substring(0, 10) : s.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("date '" + ProfilePageParser.abbreviate(s) + "' is not yyyy-mm-dd");
    }
  }

  /** Adds {@code raw} as an identifier of {@code kind} when it is shaped like one. */
  static void addId(List<Identifier> ids, Identifier.Kind kind, String raw) {
    Optional<Identifier> id = Identifier.parse(kind, raw);
    id.ifPresent(ids::add);
  }

  /**
   * Adds an author, or, when the source gave no name, warns that it was left out ({@code where}
   * names it: {@code authorships[3]}), with its first identifier so the user can look it up.
   */
  static void addAuthor(List<dev.scholarsearch.model.Author> out, String name, List<Identifier> ids, String where,
      List<String> warnings) {
    if (name.isEmpty()) {
      warnings.add(where + " has no name" + (ids.isEmpty() ? "" : " (" + ids.get(0) + ")") + "; left out");
    } else {
      out.add(new dev.scholarsearch.model.Author(name, ids));
    }
  }

  /** The title; an empty one (CACM has one, BEIR many) is replaced by the text's first words. */
  static String titleOrLead(String id, String title, String text) throws InvalidInputException {
    if (!title.isBlank()) {
      return title.strip();
    }
    if (text.isBlank()) {
      throw new InvalidInputException("record '" + id + "' has an empty title and no text to take one from");
    }
    String[] words = text.strip().split("\\s+");
    String joined = String.join(" ", Arrays.copyOf(words, Math.min(16, words.length)));
    return words.length > 16 ? joined + "…" : joined;
  }
}
