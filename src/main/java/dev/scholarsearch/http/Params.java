package dev.scholarsearch.http;

import dev.scholarsearch.embed.VisibleText;
import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.YearRange;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Reads query parameters strictly: unknown names, repeated singletons and malformed numbers are 400s that say why. */
final class Params {
  static final Set<String> FILTERS = Set.of("author", "category", "venue", "type", "year", "hasCode");

  /** The filter parameters and {@code more}: what an endpoint that filters papers accepts. */
  static Set<String> filtersAnd(String... more) {
    Set<String> s = new java.util.HashSet<>(FILTERS);
    s.addAll(Set.of(more));
    return Set.copyOf(s);
  }

  private final Map<String, List<String>> values;

  private Params(String raw, Map<String, List<String>> values, Set<String> allowed) {
    this.values = values;
    if (raw != null && BAD_ESCAPE.matcher(raw).find()) {
      // The servlet layer would drop such a parameter silently, and the search would run without it.
      throw InvalidRequestException.badParameter("the query string has a malformed percent-escape (a '%' must be"
          + " followed by two hex digits): '" + clip(raw) + "'");
    }
    for (String name : values.keySet()) {
      if (!allowed.contains(name)) {
        throw InvalidRequestException.badParameter("unknown parameter '" + clip(name) + "'; "
            + (allowed.isEmpty() ? "this endpoint takes no parameters" : "this endpoint takes " + String.join(", ", new TreeSet<>(allowed))));
      }
    }
  }

  static final java.util.regex.Pattern BAD_ESCAPE = java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");

  /** Checks that only {@code allowed} parameters are present. */
  static Params of(Context ctx, Set<String> allowed) {
    return new Params(ctx.queryString(), ctx.queryParamMap(), allowed);
  }

  /** The same over parameters already decoded (tests, and any caller without a request). */
  static Params of(Map<String, List<String>> values, Set<String> allowed) {
    return new Params(null, values, allowed);
  }

  private List<String> values(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** Whether the query string gives {@code name} at all. */
  boolean has(String name) {
    return values.containsKey(name);
  }

  /** The parameter's one value, cleaned of characters no one sees ({@link VisibleText}), else {@code fallback}. */
  String string(String name, String fallback) {
    List<String> given = values(name);
    if (given.isEmpty()) {
      return fallback;
    }
    if (given.size() > 1) {
      throw InvalidRequestException.badParameter(name + " may be given once, got " + given.size() + " values");
    }
    return VisibleText.clean(given.get(0));
  }

  int integer(String name, int fallback) {
    String v = string(name, null);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    String t = v.strip();
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      if (t.matches("[+-]?\\d+")) {
        throw InvalidRequestException.badParameter(name + " is out of range: " + clip(t));
      }
      throw InvalidRequestException.badParameter(name + " must be a whole number, got '" + clip(v) + "'");
    }
  }

  boolean bool(String name) {
    String v = string(name, "false").strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no", "" -> false;
      default -> throw InvalidRequestException.badParameter(name + " must be true or false (1 or 0, yes or no), got '" + clip(v) + "'");
    };
  }

  List<String> all(String name) {
    return values(name).stream().map(VisibleText::clean).filter(s -> !s.isEmpty()).toList();
  }

  SearchFilters filters() {
    String year = string("year", null);
    return new SearchFilters(all("author"), all("category"), all("venue"), all("type"),
        year == null || year.isBlank() ? YearRange.ANY : YearRange.parse(year), bool("hasCode"));
  }

  static String clip(String s) {
    String c = s.replaceAll("\\p{Cntrl}", "?");
    return c.length() > 40 ? c.substring(0, 37) + "..." : c;
  }
}
