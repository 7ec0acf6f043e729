package dev.scholarsearch.search;

import dev.scholarsearch.embed.VisibleText;
import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * What a user typed, parsed once, at the edge, into everything the search needs of it.
 *
 * @param text the query as typed
 * @param exact whether it searches the unstemmed fields
 * @param query the Lucene query ({@link UserQueryParser}); matches every paper when the text is blank
 * @param words the words it asks for, as the English analyzer indexes them, in the order typed; a
 *     word it only prohibits ({@code -x}) is not among them
 * @param looseWords the same words outside quoted phrases (a phrase already demands adjacency)
 * @param strict whether it asks for exact words (a quoted phrase, or exact search): papers found
 *     only by meaning do not qualify then
 * @param textToEmbed its words for the embedding model, syntax and prohibited words removed; blank
 *     when nothing is left to embed
 */
public record UserQuery(String text, boolean exact, Query query, List<String> words, List<String> looseWords,
    boolean strict, String textToEmbed) {
  private static final Analyzer ENGLISH = Analyzers.english();
  private static final Pattern NEGATED = Pattern.compile("(^|\\s)-(\"[^\"]*\"|\\S+)");
  private static final Pattern FIELD = Pattern.compile("\\b(title|abstract|author):", Pattern.CASE_INSENSITIVE);
  private static final Pattern SYNTAX = Pattern.compile("[\"+|*~()\\\\]|(?<=\\s|^)(AND|OR|NOT)(?=\\s|$)");
  private static final Pattern PHRASE = Pattern.compile("\"[^\"]*\"(~\\d+)?");

  public UserQuery {
    words = List.copyOf(words);
    looseWords = List.copyOf(looseWords);
  }

  /** Parses {@code text} with {@code parser}; blank text lists every paper. */
  public static UserQuery parse(UserQueryParser parser, String text, boolean exact) {
    if (text.length() > SearchRequest.MAX_QUERY_CHARS) {
      throw new InvalidRequestException("query_too_long",
          "the query must be at most " + SearchRequest.MAX_QUERY_CHARS + " characters, got " + text.length());
    }
    Query query = parser.parse(text, exact);
    Set<String> prohibitedOnly = prohibitedOnly(query);
    return new UserQuery(text, exact, query, asked(analyze(text), prohibitedOnly),
        asked(analyze(PHRASE.matcher(text).replaceAll(" ")), prohibitedOnly),
        exact || text.indexOf('"') >= 0, embeddable(text));
  }

  /** Whether there is no query: the search lists the papers that pass the filters. */
  public boolean isListing() {
    return text.isBlank();
  }

  /**
   * The words of any text for the embedding model: field prefixes, prohibited words, operators and
   * invisible characters removed; blank when nothing is left to embed.
   */
  public static String embeddable(String text) {
    String s = NEGATED.matcher(VisibleText.clean(text)).replaceAll(" ");
    s = FIELD.matcher(s).replaceAll(" ");
    s = SYNTAX.matcher(s).replaceAll(" ");
    s = s.replaceAll("\\s+", " ").strip();
    return VisibleText.hasWords(s) ? s : "";
  }

  private static List<String> asked(List<String> analyzed, Set<String> prohibitedOnly) {
    return analyzed.stream().filter(w -> !prohibitedOnly.contains(w)).toList();
  }

  /**
   * The terms the parsed query only prohibits: seen under a MUST_NOT clause and nowhere else. A
   * visitor, as Lucene's own highlighters read a query, so that the words and the query cannot
   * disagree on what "-x" means.
   */
  static Set<String> prohibitedOnly(Query query) {
    Set<String> asked = new HashSet<>();
    Set<String> prohibited = new HashSet<>();
    query.visit(new TermCollector(asked, prohibited, false));
    prohibited.removeAll(asked);
    return prohibited;
  }

  private static final class TermCollector extends QueryVisitor {
    private final Set<String> asked;
    private final Set<String> prohibited;
    private final boolean negated;

    TermCollector(Set<String> asked, Set<String> prohibited, boolean negated) {
      this.asked = asked;
      this.prohibited = prohibited;
      this.negated = negated;
    }

    @Override
    public void consumeTerms(Query query, Term... terms) {
      for (Term t : terms) {
        (negated ? prohibited : asked).add(t.text());
      }
    }

    @Override
    public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
      // A prohibited clause inside a prohibited clause is asked for again; users do not write those.
      boolean not = negated ^ (occur == BooleanClause.Occur.MUST_NOT);
      return not == negated ? this : new TermCollector(asked, prohibited, not);
    }
  }

  /** The text's words as the English analyzer indexes them, operators and field prefixes stripped. */
  static List<String> analyze(String text) {
    String plain = text.replaceAll("(?i)\\b(title|abstract|author):", " ").replaceAll("[\"+|()*~\\-]", " ");
    List<String> out = new ArrayList<>();
    try (TokenStream ts = ENGLISH.tokenStream(Fields.ABSTRACT, plain)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
