package dev.scholarsearch.ingest;

import dev.scholarsearch.model.CategoryCode;
import dev.scholarsearch.model.Author;
import dev.scholarsearch.model.Listing;
import dev.scholarsearch.model.MetricsStats;
import dev.scholarsearch.model.PageLayout;
import dev.scholarsearch.model.ProfilePage;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layout B: the name, a primary category code, {@code h-index25}, {@code 15papers},
 * {@code 300citations}, {@code Novelty55%}, {@code AI Score59}, then "N Papers" items: a packed
 * header, a title, an author line and an abstract.
 */
final class MetricsPageParser {
  private static final String MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
  /**
   * {@code 96.9AIJun 3}, {@code CLAug 13, 2024Code}, {@code LGJan 9}: an optional score, an
   * arXiv-style category code, a month and day, an optional year and an optional "Code" flag.
   */
  static final Pattern HEADER = Pattern.compile(
      "^(\\d{1,3}(?:\\.\\d+)?)?([A-Za-z][A-Za-z.\\-]{0,15}?)?(" + MONTHS + ")[a-z]*\\.?\\s*(\\d{1,2})(?:,\\s*(\\d{4}))?\\s*(Code)?$");
  private static final Pattern STAT = Pattern.compile(
      "^(?:(h-index)\\s*(\\d+)|(\\d+)\\s*(papers)|(\\d+)\\s*(citations)|(Novelty)\\s*(\\d+)\\s*%|(AI Score)\\s*(\\d+))$");
  private static final Pattern LIST_HEADING = Pattern.compile("^(\\d{1,12}) Papers?$");
  private static final Pattern CATEGORY = Pattern.compile("^[A-Za-z][A-Za-z.\\-]{0,15}$");

  private final ReferenceDate reference;

  MetricsPageParser(ReferenceDate reference) {
    this.reference = reference;
  }

  ProfilePage parse(String source, List<String> lines) throws InvalidInputException {
    List<String> warnings = new ArrayList<>();
    String name = lines.get(0);
    if (name.length() > 120 || HEADER.matcher(name).matches()) {
      throw new InvalidInputException("layout B page does not start with a plausible name (got '"
          + ProfilePageParser.abbreviate(name) + "')");
    }
    int heading = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (LIST_HEADING.matcher(lines.get(i)).matches()) {
        heading = i;
        break;
      }
    }
    String category = "";
    int hIndex = -1;
    int papers = -1;
    int citations = -1;
    int novelty = -1;
    int aiScore = -1;
    for (int i = 1; i < heading; i++) {
      String line = lines.get(i);
      Matcher m = STAT.matcher(line);
      if (m.matches()) {
        if (m.group(1) != null) {
          hIndex = ProfilePageParser.count(m.group(2));
        } else if (m.group(4) != null) {
          papers = ProfilePageParser.count(m.group(3));
        } else if (m.group(6) != null) {
          citations = ProfilePageParser.count(m.group(5));
        } else if (m.group(7) != null) {
          novelty = ProfilePageParser.count(m.group(8));
        } else {
          aiScore = ProfilePageParser.count(m.group(10));
        }
      } else if (i == 1 && CATEGORY.matcher(line).matches()) {
        category = line;
      } else {
        warnings.add("ignored an unknown line in the stats block: '" + ProfilePageParser.abbreviate(line) + "'");
      }
    }
    if (hIndex < 0) {
      warnings.add("no h-index line");
    }
    Matcher listHeading = LIST_HEADING.matcher(lines.get(heading));
    listHeading.matches();
    int declared = ProfilePageParser.count(listHeading.group(1));
    List<Listing> listings = parseItems(source, name, lines, heading + 1, warnings);

    TrustPageParser.checkCount(warnings, "papers ('" + lines.get(heading) + "')", declared, listings.size());
    if (papers >= 0 && papers != declared) {
      warnings.add("page states " + papers + "papers in its stats but its list heading says " + declared);
    }
    MetricsStats stats = new MetricsStats(CategoryCode.canonical(category), Math.max(hIndex, 0), Math.max(papers, 0),
        Math.max(citations, 0), Math.max(novelty, 0), Math.max(aiScore, 0), declared);
    return new ProfilePage(source, PageLayout.METRICS_PROFILE, name, "", stats, listings, warnings);
  }

  private List<Listing> parseItems(String source, String owner, List<String> lines, int from, List<String> warnings) {
    List<Listing> out = new ArrayList<>();
    for (ItemBlock item : ItemBlock.split(lines, from, HEADER, warnings)) {
      Matcher h = item.header();
      String rawTitle = item.title();
      AuthorLine authors = item.lines().size() > 1 ? AuthorLine.parse(item.lines().get(1)) : AuthorLine.EMPTY;
      String rawAbstract = item.join(2);
      LocalDate date;
      try {
        int year = h.group(5) == null ? 0 : Integer.parseInt(h.group(5));
        date = reference.resolve(h.group(3), Integer.parseInt(h.group(4)), year);
      } catch (DateTimeException e) {
        warnings.add("item " + item.number() + " ('" + h.group() + "') has an impossible date: " + e.getMessage());
        date = null;
      }
      Double score = h.group(1) == null ? null : Double.valueOf(h.group(1));
      List<String> categories = h.group(2) == null ? List.of() : List.of(h.group(2));
      out.add(new Listing(source + "#" + item.number(), "", LatexCleaner.clean(rawTitle), rawTitle,
          LatexCleaner.clean(rawAbstract), rawAbstract, Author.named(AuthorLine.withOwner(authors.names(), owner)),
          authors.truncated(), authors.affiliation(), date == null ? 0 : date.getYear(), date, categories,
          "", "", h.group(6) != null, score, "", List.of(), List.of()));
    }
    return out;
  }
}
