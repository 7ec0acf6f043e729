package dev.scholarsearch.search;

import dev.scholarsearch.index.InvalidRequestException;
import dev.scholarsearch.index.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Parses what a user types into a Lucene query. The syntax is SimpleQueryParser's ({@code "phrase"},
 * {@code +must}, {@code -not}, {@code a | b}, {@code prefix*}, {@code term~N}, {@code "phrase"~N}),
 * which never throws on plain text, plus fielded terms {@code title:x}, {@code abstract:"x y"} and
 * {@code author:x}. Queries too expensive to run are refused with a message that says why.
 */
public final class UserQueryParser {
  private static final Pattern FIELDED = Pattern.compile(
      "(?<![\\w:])([+-]?)(title|abstract|author):(\"[^\"]*\"(?:~\\d+)?|[^\\s\"]+)", Pattern.CASE_INSENSITIVE);
  /** A term that starts with a wildcard: would enumerate the whole term dictionary. */
  private static final Pattern LEADING_WILDCARD = Pattern.compile("(?:^|[\\s(+|\"-])\\*\\w");
  /** A prefix with fewer than two characters before the star. */
  private static final Pattern SHORT_PREFIX = Pattern.compile("(?:^|[\\s(+|\"-])(\\p{L}|\\p{N})?\\*");
  /**
   * A star touching no word ("operators like *, +"): pasted prose, not a wildcard. SimpleQueryParser
   * would read it as a prefix of nothing, a scan of every term, so it is dropped as punctuation.
   */
  private static final Pattern BARE_STAR = Pattern.compile("(?<![\\p{L}\\p{N}*])\\*+(?![\\p{L}\\p{N}])");

  /**
   * A '+' glued to the word before it ("PD-1+CD8", "C++"), or a '-' glued to a closing parenthesis
   * ("(H2A)-histone"): part of a name, where SimpleQueryParser would read an operator (AND, NOT).
   */
  private static final Pattern GLUED_OPERATOR = Pattern.compile("(?<=[\\p{L}\\p{N})])\\+|(?<=\\))-");
  /** A sign in front of a number ("E2f-1, -2, -3", "+1 nucleosomes"): a name's part, not "not 2" or "must 1". */
  private static final Pattern SIGNED_NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])[+-](?=\\p{N})");

  private final Analyzer analyzer;
  private final FieldWeights weights;

  /**
   * Boosts for free text: the combined title+abstract field scores a word once per paper (as BM25
   * intends), and the title field adds a bonus for title matches. Zero leaves a field out.
   */
  public record FieldWeights(float text, float title) {
    Map<String, Float> stemmed() {
      return weights(Fields.TEXT, Fields.TITLE);
    }

    /** Exact search: the unstemmed fields, laid out and weighted the same way. */
    Map<String, Float> exact() {
      return weights(Fields.TEXT_EXACT, Fields.TITLE_EXACT);
    }

    private Map<String, Float> weights(String textField, String titleField) {
      Map<String, Float> m = new java.util.LinkedHashMap<>(); // an order of its own, not Map.of's per-JVM one
      if (text > 0) {
        m.put(textField, text);
      }
      if (title > 0) {
        m.put(titleField, title);
      }
      return m;
    }
  }

  public UserQueryParser(Analyzer analyzer, FieldWeights weights) {
    this.analyzer = analyzer;
    this.weights = weights;
  }

  /** The query for {@code text}; blank text matches every document. */
  public Query parse(String text, boolean exact) {
    String q = BARE_STAR.matcher(text).replaceAll(" ").strip();
    if (q.isEmpty() && !text.isBlank()) {
      throw InvalidRequestException.badParameter("q has no words, only '*': leave q out to list every paper, or put"
          + " '*' after a prefix, e.g. 'retriev*'");
    }
    if (q.isEmpty()) {
      return MatchAllDocsQuery.INSTANCE;
    }
    rejectExpensive(q);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean positive = false;
    StringBuilder rest = new StringBuilder();
    List<BooleanClause> fielded = fielded(q, exact, rest);
    String free = prose(rest.toString()).strip();
    if (!free.isEmpty()) {
      Query main = excludeNegated(simple(exact ? weights.exact() : weights.stemmed()).parse(free));
      if (main != null && !(main instanceof MatchNoDocsQuery)) {
        b.add(main, fielded.stream().anyMatch(c -> c.occur() == BooleanClause.Occur.MUST)
            ? BooleanClause.Occur.SHOULD : BooleanClause.Occur.MUST);
        positive = true;
      }
    }
    for (BooleanClause c : fielded) {
      b.add(c);
      positive |= c.occur() != BooleanClause.Occur.MUST_NOT;
    }
    if (!positive) {
      if (fielded.isEmpty()) {
        return new MatchNoDocsQuery("query has no searchable words");
      }
      b.add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.MUST); // "-author:x" alone: everything but
    }
    Query query = b.build();
    int clauses = countLeaves(query);
    if (clauses > IndexSearcher.getMaxClauseCount()) {
      throw new InvalidRequestException("query_too_expensive", "the query expands to " + clauses
          + " clauses; the limit is " + IndexSearcher.getMaxClauseCount() + ". Use fewer words or operators");
    }
    return query;
  }

  /**
   * The fielded terms of {@code q} ({@code title:x}, {@code -author:"a b"}) as clauses; the rest of
   * the text, free words and operators, is appended to {@code rest}.
   */
  private List<BooleanClause> fielded(String q, boolean exact, StringBuilder rest) {
    String titleField = exact ? Fields.TITLE_EXACT : Fields.TITLE;
    String abstractField = exact ? Fields.TEXT_EXACT : Fields.TEXT; // kept to the abstract's positions below

    Matcher m = FIELDED.matcher(q);
    int last = 0;
    List<BooleanClause> fielded = new ArrayList<>();
    while (m.find()) {
      rest.append(q, last, m.start()).append(' ');
      last = m.end();
      String field = switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "title" -> titleField;
        case "abstract" -> abstractField;
        default -> Fields.AUTHOR_TEXT;
      };
      Query sub = simple(Map.of(field, 1.0f)).parse(m.group(3));
      if (sub == null || sub instanceof MatchNoDocsQuery) {
        continue;
      }
      if (field.equals(abstractField)) {
        sub = AbstractPositions.of(sub);
      }
      BooleanClause.Occur occur = switch (m.group(1)) {
        case "+" -> BooleanClause.Occur.MUST;
        case "-" -> BooleanClause.Occur.MUST_NOT;
        default -> BooleanClause.Occur.SHOULD;
      };
      fielded.add(new BooleanClause(sub, occur));
    }
    rest.append(q.substring(last));
    return fielded;
  }

  /**
   * {@code text} with the '+' and '-' that are parts of names, not operators, made spaces: pasted
   * claims and titles are full of them, and read as operators they require or exclude words no
   * one asked to require or exclude. An operator is one in front of a word, after a space.
   */
  static String prose(String text) {
    return SIGNED_NUMBER.matcher(GLUED_OPERATOR.matcher(text).replaceAll(" ")).replaceAll(" ");
  }

  /**
   * SimpleQueryParser, whose default operator is OR, reads "a -b" as "a, or anything without b":
   * the negation becomes an optional clause that nearly every paper matches, so "reinforcement
   * -learning" matched more papers than "reinforcement". People mean "a, and not b": each such
   * clause becomes a prohibited one. A query of negations alone still means "everything but".
   */
  static Query excludeNegated(Query q) {
    if (!(q instanceof BooleanQuery bq)) {
      return q;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
    boolean changed = false;
    boolean positive = false;
    for (BooleanClause c : bq.clauses()) {
      Query negated = c.occur() == BooleanClause.Occur.SHOULD ? negatedPart(c.query()) : null;
      if (negated != null) {
        b.add(negated, BooleanClause.Occur.MUST_NOT);
        changed = true;
        continue;
      }
      Query inner = excludeNegated(c.query());
      changed |= inner != c.query();
      b.add(inner, c.occur());
      positive |= c.occur() != BooleanClause.Occur.MUST_NOT;
    }
    if (!changed) {
      return q;
    }
    if (!positive) {
      b.add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.MUST);
    }
    return b.build();
  }

  /** {@code x} when {@code q} is SimpleQueryParser's "-x": (NOT x, match all); else null. */
  private static Query negatedPart(Query q) {
    if (!(q instanceof BooleanQuery inner) || inner.clauses().size() != 2) {
      return null;
    }
    Query not = null;
    boolean all = false;
    for (BooleanClause c : inner.clauses()) {
      if (c.occur() == BooleanClause.Occur.MUST_NOT) {
        not = c.query();
      } else if (c.query() instanceof MatchAllDocsQuery) {
        all = true;
      }
    }
    return all ? not : null;
  }

  private SimpleQueryParser simple(Map<String, Float> fields) {
    return new SimpleQueryParser(analyzer, fields);
  }

  private static void rejectExpensive(String q) {
    if (LEADING_WILDCARD.matcher(q).find()) {
      throw new InvalidRequestException("query_too_expensive",
          "leading wildcards ('*foo') are not supported: they would scan every term. Put '*' after a prefix, e.g. 'retriev*'");
    }
    if (SHORT_PREFIX.matcher(q).find()) {
      throw new InvalidRequestException("query_too_expensive",
          "a prefix query needs at least 2 characters before '*', e.g. 'ne*'");
    }
  }

  private static int countLeaves(Query q) {
    int[] n = {0};
    q.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... terms) {
        n[0] += terms.length;
      }

      @Override
      public void visitLeaf(Query query) {
        n[0]++;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return n[0];
  }
}
