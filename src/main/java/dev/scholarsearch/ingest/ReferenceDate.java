package dev.scholarsearch.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Objects;

/**
 * Resolves dates printed without a year ("Jun 3") against a reference date: the most recent such
 * day that is not after the reference. With the reference 2026-11-22, "Jun 3" is 2026-06-03 and
 * "Dec 24" is 2025-12-24. Pages list recent work this way, so "not in the future" is the right rule.
 */
public record ReferenceDate(LocalDate today) {
  public ReferenceDate {
    Objects.requireNonNull(today, "today");
  }

  /** Today's date, the default reference. */
  public static ReferenceDate now() {
    return new ReferenceDate(LocalDate.now());
  }

  /** The date for a month name (or its first three letters), a day and an optional year (0 = none). */
  public LocalDate resolve(String monthName, int day, int year) throws DateTimeException {
    Month month = month(monthName);
    if (year > 0) {
      return LocalDate.of(year, month, day);
    }
    // Feb 29 may need to go back up to eight years to find a leap year that is not in the future.
    for (int y = today.getYear(); y >= today.getYear() - 8; y--) {
      if (day <= month.length(java.time.Year.isLeap(y))) {
        LocalDate candidate = LocalDate.of(y, month, day);
        if (!candidate.isAfter(today)) {
          return candidate;
        }
      }
    }
    throw new DateTimeException("no day " + day + " in " + month);
  }

  private static Month month(String name) {
    String prefix = name.length() >= 3 ? name.substring(0, 3).toUpperCase(Locale.ROOT) : name;
    for (Month m : Month.values()) {
      if (m.name().startsWith(prefix)) {
        return m;
      }
    }
    throw new DateTimeException("unknown month '" + name + "'");
  }
}
