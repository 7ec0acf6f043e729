package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Identifier;
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
      return withOrcid(trust.parse(source, lines), lines);
    }
    if (lines.stream().anyMatch(l -> METRICS_HEADING.matcher(l).matches())
        && lines.stream().limit(12).anyMatch(l -> l.startsWith("h-index"))) {
      return withOrcid(metrics.parse(source, lines), lines);
    }
    throw new InvalidInputException("not a profile page: it neither starts 'Researcher profile' nor has"
        + " an 'h-index' line and an 'N Papers' heading (first line: '" + abbreviate(first) + "')");
  }

  /**
   * The page with its owner's ORCID, when the page shows exactly one (an {@code orcid.org/} link or
   * an "ORCID" line): it is what links the page to the same person in OpenAlex or JSONL files.
   * Several different ORCIDs on one page say nothing about whose is the owner's, so none is kept.
   */
  private static ProfilePage withOrcid(ProfilePage page, List<String> lines) {
    java.util.Set<Identifier> found = new java.util.TreeSet<>();
    for (String l : lines) {
      java.util.regex.Matcher m = ORCID_ON_PAGE.matcher(l);
      while (m.find()) {
        Identifier.parse(Identifier.Kind.ORCID, m.group(1)).ifPresent(found::add);
      }
    }
    if (found.size() == 1) {
      return page.withIds(List.copyOf(found));
    }
    if (found.size() > 1) {
      List<String> w = new ArrayList<>(page.warnings());
      w.add("the page shows " + found.size() + " different ORCIDs (" + found.stream().map(Identifier::value)
          .collect(java.util.stream.Collectors.joining(", ")) + "); the owner is linked by name only");
      return page.withWarnings(w);
    }
    return page;
  }

  private static final Pattern ORCID_ON_PAGE = Pattern.compile(
      "(?i)(?:orcid\\.org/|\\borcid(?:\\s*id)?\\s*[:#]?\\s*)(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX])");

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
