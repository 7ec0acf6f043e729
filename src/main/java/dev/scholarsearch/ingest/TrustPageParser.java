package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Author;
import dev.scholarsearch.model.Listing;
import dev.scholarsearch.model.PageLayout;
import dev.scholarsearch.model.ProfilePage;
import dev.scholarsearch.model.TrustStats;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Layout A: "Researcher profile", name, tagline, a trust line such as
 * {@code Trust 21 - EmergingVerification L1Unclaimed author}, counts such as {@code 6works},
 * then "Published work" items: a header like {@code preprint2026arXiv}, a title and an abstract.
 */
final class TrustPageParser {
  private static final Pattern TRUST = Pattern.compile(
      "^Trust\\s*(\\d{1,9})\\s*-\\s*(.*?)\\s*Verification\\s*(L\\d+|[A-Z]\\w*?)\\s*((?:Un)?[Cc]laimed.*|Verified.*|)$");
  private static final Pattern COUNT = Pattern.compile("^(\\d+)\\s*(works|followers|topics|close collaborators)$");
  private static final Pattern ITEMS_DECLARED = Pattern.compile("^(\\d+) published items?(?:\\(s\\))?$");
  /** {@code preprint2026arXiv}: a lower-case type, a year, then the venue. */
  static final Pattern HEADER = Pattern.compile("^([a-z][a-z-]{1,30})((?:19|20)\\d{2})(\\S.{0,80})?$");

  ProfilePage parse(String source, List<String> lines) throws InvalidInputException {
    List<String> warnings = new ArrayList<>();
    if (lines.size() < 2) {
      throw new InvalidInputException("layout A page has no name after 'Researcher profile'");
    }
    String name = lines.get(1);
    if (name.length() > 120 || HEADER.matcher(name).matches()) {
      throw new InvalidInputException("layout A page has no plausible name after 'Researcher profile' (got '"
          + ProfilePageParser.abbreviate(name) + "')");
    }
    int published = indexOf(lines, "Published work");
    if (published < 0) {
      throw new InvalidInputException("layout A page has no 'Published work' section");
    }
    String tagline = lines.size() > 2 && published > 2 && !lines.get(2).startsWith("Researcher") ? lines.get(2) : "";

    int trustScore = -1;
    String trustLabel = "";
    String verification = "";
    String claim = "";
    int works = -1;
    int followers = -1;
    int topics = -1;
    int collaborators = -1;
    for (int i = 2; i < published; i++) {
      String line = lines.get(i);
      Matcher t = TRUST.matcher(line);
      if (t.matches()) {
        trustScore = ProfilePageParser.count(t.group(1));
        trustLabel = t.group(2);
        verification = t.group(3);
        claim = t.group(4);
        continue;
      }
      Matcher c = COUNT.matcher(line);
      if (c.matches()) {
        int n = ProfilePageParser.count(c.group(1));
        switch (c.group(2)) {
          case "works" -> works = n;
          case "followers" -> followers = n;
          case "topics" -> topics = n;
          default -> collaborators = n;
        }
      }
    }
    if (trustScore < 0) {
      warnings.add("no trust line (e.g. 'Trust 21 - Emerging...')");
    }

    int itemStart = published + 1;
    int declaredItems = -1;
    if (itemStart < lines.size()) {
      Matcher d = ITEMS_DECLARED.matcher(lines.get(itemStart));
      if (d.matches()) {
        declaredItems = ProfilePageParser.count(d.group(1));
        itemStart++;
      }
    }
    List<Listing> listings = parseItems(source, name, lines, itemStart, warnings);

    checkCount(warnings, "works", works, listings.size());
    checkCount(warnings, "published item(s)", declaredItems, listings.size());
    TrustStats stats = new TrustStats(Math.max(trustScore, 0), trustLabel, verification, claim,
        Math.max(works, 0), Math.max(followers, 0), Math.max(topics, 0), Math.max(collaborators, 0));
    return new ProfilePage(source, PageLayout.TRUST_PROFILE, name, tagline, stats, listings, warnings);
  }

  private static List<Listing> parseItems(String source, String owner, List<String> lines, int from, List<String> warnings) {
    List<Listing> out = new ArrayList<>();
    for (ItemBlock item : ItemBlock.split(lines, from, HEADER, warnings)) {
      Matcher h = item.header();
      String rawTitle = item.title();
      String rawAbstract = item.join(1);
      out.add(new Listing(source + "#" + item.number(), "", LatexCleaner.clean(rawTitle), rawTitle,
          LatexCleaner.clean(rawAbstract), rawAbstract, Author.named(List.of(owner)), true, "",
          Integer.parseInt(h.group(2)), null, List.of(), h.group(3) == null ? "" : h.group(3).strip(),
          h.group(1), false, null, "", List.of(), List.of()));
    }
    return out;
  }

  static void checkCount(List<String> warnings, String what, int declared, int parsed) {
    if (declared == -1) {
      return;
    }
    if (declared != parsed) {
      warnings.add("page declares " + declared + " " + what + " but " + parsed + " were parsed");
    }
  }

  static int indexOf(List<String> lines, String exact) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).equalsIgnoreCase(exact)) {
        return i;
      }
    }
    return -1;
  }
}
