package dev.scholarsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.search.SearchFilters;
import dev.scholarsearch.search.YearRange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Query parameters read strictly, without a server: each mistake is a 400 whose message says what is allowed. */
class ParamsTest {
  private static final Set<String> SEARCH = Params.filtersAnd("q", "limit", "exact");

  private static Params params(Map<String, List<String>> values) {
    return Params.of(values, SEARCH);
  }

  private static String error(Runnable r) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, r::run);
    assertEquals("bad_parameter", e.code());
    return e.getMessage();
  }

  @Test
  void valuesAreReadWithTheirFallbacks() {
    Params p = params(Map.of("q", List.of(" graph\u200b colouring "), "limit", List.of(" 25 "), "exact", List.of("YES")));
    assertEquals("graph colouring", p.string("q", "").strip(), "a zero-width space is no character anyone sees");
    assertEquals(25, p.integer("limit", 10));
    assertEquals(true, p.bool("exact"));
    Params none = params(Map.of());
    assertEquals("", none.string("q", ""));
    assertEquals(10, none.integer("limit", 10));
    assertEquals(false, none.bool("exact"));
    assertEquals(10, params(Map.of("limit", List.of(" "))).integer("limit", 10), "blank means the default");
  }

  @Test
  void filtersCollectRepeatedValuesAndParseTheYearRange() {
    SearchFilters f = params(Map.of("author", List.of("r-ada", "", "r-bob"), "year", List.of("2020-"),
        "hasCode", List.of("1"))).filters();
    assertEquals(List.of("r-ada", "r-bob"), f.authors(), "an empty value is no filter");
    assertEquals(new YearRange(2020, Integer.MAX_VALUE), f.years());
    assertEquals(true, f.hasCodeOnly());
    assertEquals(YearRange.ANY, params(Map.of()).filters().years());
  }

  @Test
  void eachMistakeIsNamed() {
    assertEquals("unknown parameter 'lmit'; this endpoint takes author, category, exact, hasCode, limit, q, type, venue,"
        + " year", error(() -> params(Map.of("lmit", List.of("5")))));
    assertEquals("unknown parameter 'x'; this endpoint takes no parameters",
        error(() -> Params.of(Map.of("x", List.of("1")), Set.of())));
    assertEquals("limit must be a whole number, got 'ten'", error(() -> params(Map.of("limit", List.of("ten")))
        .integer("limit", 10)));
    assertEquals("limit is out of range: 99999999999", error(() -> params(Map.of("limit", List.of("99999999999")))
        .integer("limit", 10)));
    assertEquals("q may be given once, got 2 values", error(() -> params(Map.of("q", List.of("a", "b"))).string("q", "")));
    assertEquals("exact must be true or false (1 or 0, yes or no), got 'maybe'",
        error(() -> params(Map.of("exact", List.of("maybe"))).bool("exact")));
    for (String yes : List.of("true", "1", "yes", " YES ")) {
      assertTrue(params(Map.of("exact", List.of(yes))).bool("exact"), yes);
    }
    for (String no : List.of("false", "0", "no", "")) {
      assertFalse(params(Map.of("exact", List.of(no))).bool("exact"), no);
    }
    assertEquals("year must be YYYY, YYYY-YYYY, YYYY- or -YYYY (e.g. 2024, 2020-2024, 2020-, -2019), got '20x'",
        error(() -> params(Map.of("year", List.of("20x"))).filters()));
    assertEquals("year range 2024-2020 is empty: the first year is after the second",
        error(() -> params(Map.of("year", List.of("2024-2020"))).filters()));
  }

  @Test
  void longOrControlCharacterValuesAreClippedInMessages() {
    assertEquals("a?b", Params.clip("a\u0007b"));
    assertEquals("x".repeat(37) + "...", Params.clip("x".repeat(100)));
  }
}
