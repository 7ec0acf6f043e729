package dev.scholarsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A layout-B author line: {@code Yushi Bai, Jiajie Zhang, Xin Lv et al. · tsinghua}.
 *
 * @param names the names printed, in order
 * @param truncated whether the line ended "et al."
 * @param affiliation the text after "·", or ""
 */
record AuthorLine(List<String> names, boolean truncated, String affiliation) {
  static final AuthorLine EMPTY = new AuthorLine(List.of(), true, "");
  private static final Pattern ET_AL = Pattern.compile("(?i)[,\\s]*\\bet\\s+al\\.?$");
  private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:,|;|\\band\\b|&)\\s*");

  AuthorLine {
    names = List.copyOf(names);
  }

  static AuthorLine parse(String line) {
    String rest = line.strip();
    String affiliation = "";
    int dot = rest.lastIndexOf('·');
    if (dot >= 0) {
      affiliation = rest.substring(dot + 1).strip();
      rest = rest.substring(0, dot).strip();
    }
    boolean truncated = false;
    var m = ET_AL.matcher(rest);
    if (m.find()) {
      truncated = true;
      rest = rest.substring(0, m.start()).strip();
    }
    List<String> names = new ArrayList<>();
    for (String part : SEPARATORS.split(rest)) {
      String n = part.strip();
      if (!n.isEmpty() && n.length() <= 100) {
        names.add(n);
      }
    }
    return new AuthorLine(names, truncated, affiliation);
  }

  /** The names with the page owner added at the end when the line does not name them (e.g. cut by "et al."). */
  static List<String> withOwner(List<String> names, String owner) {
    String ownerKey = TextKeys.nameKey(owner);
    for (String n : names) {
      if (TextKeys.nameKey(n).equals(ownerKey)) {
        return names;
      }
    }
    List<String> out = new ArrayList<>(names);
    out.add(owner);
    return out;
  }
}
