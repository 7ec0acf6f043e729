package dev.scholarsearch.eval;

import java.text.Normalizer;
import java.util.Locale;

/** The evaluation's author key: the name lower-cased with everything but a-z removed ("E. G. Coffman" → "egcoffman"). */
public final class AuthorKey {
  private AuthorKey() {}

  public static String of(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }
}
