package dev.scholarsearch.search;

import dev.scholarsearch.embed.TextEmbedder;
import dev.scholarsearch.embed.VisibleText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Query text to vector, for the semantic side of a search. The query syntax is stripped first
 * (field prefixes, negated words, operators): the model should read the words, not the syntax.
 * Recent queries are remembered, so paging and facet clicks do not embed the same query again.
 */
public final class QueryVectors {
  private static final int REMEMBERED = 1_024;
  private static final Pattern NEGATED = Pattern.compile("(^|\\s)-(\"[^\"]*\"|\\S+)");
  private static final Pattern FIELD = Pattern.compile("\\b(title|abstract|author):", Pattern.CASE_INSENSITIVE);
  private static final Pattern SYNTAX = Pattern.compile("[\"+|*~()\\\\]|(?<=\\s|^)(AND|OR|NOT)(?=\\s|$)");

  private final Supplier<TextEmbedder> embedder;
  private final Map<String, float[]> recent = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
      return size() > REMEMBERED;
    }
  };

  public QueryVectors(Supplier<TextEmbedder> embedder) {
    this.embedder = embedder;
  }

  /** The words of a user query, syntax and invisible characters removed; blank when nothing is left to embed. */
  public static String words(String query) {
    String s = NEGATED.matcher(VisibleText.clean(query)).replaceAll(" ");
    s = FIELD.matcher(s).replaceAll(" ");
    s = SYNTAX.matcher(s).replaceAll(" ");
    s = s.replaceAll("\\s+", " ").strip();
    return VisibleText.hasWords(s) ? s : "";
  }

  /** The model the vectors come from (loads it on first use). */
  public String model() {
    return embedder.get().model();
  }

  /** The query's vector, or null when it has no words to embed. */
  public float[] of(String query) {
    String text = words(query);
    if (text.isEmpty()) {
      return null;
    }
    synchronized (recent) {
      float[] v = recent.get(text);
      if (v != null) {
        return v;
      }
    }
    float[] v = embedder.get().embedQuery(text);
    synchronized (recent) {
      recent.put(text, v);
    }
    return v;
  }
}
