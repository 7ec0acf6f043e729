package dev.scholarsearch.ingest;

import dev.scholarsearch.model.ProfilePage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Detects which of the two layouts a page has and hands it to that layout's parser. */
public final class ProfilePageParser {
  static final int MAX_LINE_CHARS = 200_000;
  private static final Pattern METRICS_HEADING = Pattern.compile("^\\d{1,12} Papers?$");

  private final TrustPageParser trust;
  private final MetricsPageParser metrics;

  public ProfilePageParser(ReferenceDate reference) {
    Objects.requireNonNull(reference, "reference");
    this.trust = new TrustPageParser();
    this.metrics = new MetricsPageParser(reference);
  }

  /** Parses decoded page text; throws with a reason when it is neither layout. */
  public ProfilePage parse(String source, String text) throws InvalidInputException {
    List<String> lines = nonBlankLines(text);
    if (lines.isEmpty()) {
      throw new InvalidInputException("empty page");
    }
    String first = lines.get(0);
    if (first.equalsIgnoreCase("Researcher profile")) {
      return trust.parse(source, lines);
    }
    if (lines.stream().anyMatch(l -> METRICS_HEADING.matcher(l).matches())
        && lines.stream().limit(12).anyMatch(l -> l.startsWith("h-index"))) {
      return metrics.parse(source, lines);
    }
    throw new InvalidInputException("not a profile page: it neither starts 'Researcher profile' nor has"
        + " an 'h-index' line and an 'N Papers' heading (first line: '" + abbreviate(first) + "')");
  }

  /** The page's non-blank lines, stripped; absurdly long lines are cut so one line never dominates memory. */
  static List<String> nonBlankLines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String s = line.strip();
      if (!s.isEmpty()) {
        out.add(s.length() > MAX_LINE_CHARS ? s.substring(0, MAX_LINE_CHARS) : s);
      }
    }
    return out;
  }

  static String abbreviate(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 60 ? clean.substring(0, 57) + "..." : clean;
  }

  /** Parses a count that may be absurd ("99999999999 Papers") without overflowing: it is capped at Integer.MAX_VALUE. */
  static int count(String digits) {
    return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }
}
