package dev.scholarsearch.search;

import dev.scholarsearch.index.InvalidRequestException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An inclusive year range: {@code 2024}, {@code 2020-2024}, {@code 2020-} or {@code -2019}. */
public record YearRange(int from, int to) {
  public static final YearRange ANY = new YearRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
  private static final Pattern SYNTAX = Pattern.compile("^(\\d{4})?(-)?(\\d{4})?$");

  public YearRange {
    if (from > to) {
      throw InvalidRequestException.badParameter("year range " + from + "-" + to + " is empty: the first year is after the second");
    }
  }

  public static YearRange parse(String text) {
    String s = text.strip();
    Matcher m = SYNTAX.matcher(s);
    if (s.isEmpty() || s.equals("-") || !m.matches() || (m.group(2) == null && m.group(3) != null)) {
      throw InvalidRequestException.badParameter(
          "year must be YYYY, YYYY-YYYY, YYYY- or -YYYY (e.g. 2024, 2020-2024, 2020-, -2019), got '" + abbreviate(s) + "'");
    }
    int from = m.group(1) == null ? Integer.MIN_VALUE : Integer.parseInt(m.group(1));
    int to = m.group(3) == null ? (m.group(2) == null ? from : Integer.MAX_VALUE) : Integer.parseInt(m.group(3));
    return new YearRange(from, to);
  }

  public boolean isAny() {
    return from == Integer.MIN_VALUE && to == Integer.MAX_VALUE;
  }

  static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
