package dev.scholarsearch.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One spelling per category. Profile pages write arXiv's computer-science subjects bare ("LG"),
 * arXiv and most JSONL exports write them whole ("cs.LG", sometimes "cs.lg"); both name one
 * category, so both become the whole arXiv code, the one spelling that cannot clash with another
 * archive's subject (stat.ML, math.NA). Every other category (OpenAlex topics, "Machine Learning
 * I") is kept as given.
 */
public final class CategoryCode {
  /** arXiv's computer-science subject classes (arxiv.org/category_taxonomy). */
  static final Set<String> CS_SUBJECTS = Set.of("AI", "AR", "CC", "CE", "CG", "CL", "CR", "CV", "CY", "DB", "DC", "DL",
      "DM", "DS", "ET", "FL", "GL", "GR", "GT", "HC", "IR", "IT", "LG", "LO", "MA", "MM", "MS", "NA", "NE", "NI", "OH",
      "OS", "PF", "PL", "RO", "SC", "SD", "SE", "SI", "SY");
  private static final Pattern CS = Pattern.compile("(?i)(?:cs\\.)?([a-z]{2})");
  /** One string per whole code, so a million papers' categories do not each hold a copy. */
  private static final Map<String, String> WHOLE = CS_SUBJECTS.stream()
      .collect(Collectors.toUnmodifiableMap(s -> s, s -> "cs." + s));

  private CategoryCode() {}

  /** The canonical spelling: "LG", "cs.lg" and "cs.LG" are all "cs.LG". */
  public static String canonical(String category) {
    String c = category.strip();
    Matcher m = CS.matcher(c);
    if (m.matches()) {
      String subject = m.group(1).toUpperCase(Locale.ROOT);
      // A bare pair is a subject only when written in capitals, as the pages do: "ai" or "Go" is a word.
      boolean bare = c.length() == 2;
      if (CS_SUBJECTS.contains(subject) && (!bare || c.equals(subject))) {
        return WHOLE.get(subject);
      }
    }
    return c;
  }

  /** Each category in its canonical spelling, once, in the order first seen. */
  public static List<String> canonical(List<String> categories) {
    return categories.stream().map(CategoryCode::canonical).filter(c -> !c.isEmpty()).distinct().toList();
  }
}
