package dev.scholarsearch.search;

import dev.scholarsearch.index.InvalidRequestException;
import java.util.Locale;

/** Result order: by score, oldest first ({@code date}) or newest first ({@code -date}). */
public enum SortOrder {
  RELEVANCE("relevance"),
  DATE("date"),
  NEWEST("-date");

  private final String param;

  SortOrder(String param) {
    this.param = param;
  }

  public String param() {
    return param;
  }

  public static SortOrder parse(String s) {
    String v = s.strip().toLowerCase(Locale.ROOT);
    for (SortOrder o : values()) {
      if (o.param.equals(v)) {
        return o;
      }
    }
    throw InvalidRequestException.badParameter("sort must be one of relevance, date, -date; got '" + YearRange.abbreviate(s) + "'");
  }
}
