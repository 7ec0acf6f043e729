package dev.scholarsearch.cluster;

import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.InvalidRequestException;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanPositionRangeQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A Lucene query the project built (parsed, analysed and refined as for the local index) written in
 * Solr's standard query syntax, so the cluster runs the same query. Terms are already analysed: the
 * schema's query analyzer only splits on whitespace, and drops {@link #GAP}, which stands for a
 * position a stop word left empty in a phrase. {@code abstract:} queries, which the local index
 * runs as positions past the title in the combined field, go to the cluster's own abstract field.
 */
public final class SolrQueryWriter {
  /** A placeholder the query analyzer removes, leaving its position empty (schema.xml, query-gaps.txt). */
  static final String GAP = "__gap__";
  /** Matches no paper: an id no document has. */
  static final String NOTHING = "id:\\_\\_nothing\\_\\_";

  private SolrQueryWriter() {}

  public static String write(Query q) {
    StringBuilder sb = new StringBuilder();
    write(q, sb);
    return sb.toString();
  }

  private static void write(Query q, StringBuilder sb) {
    switch (q) {
      case TermQuery t -> term(t.getTerm(), sb);
      case BooleanQuery b -> bool(b, sb);
      case BoostQuery b -> {
        sb.append('(');
        write(b.getQuery(), sb);
        sb.append(")^").append(b.getBoost());
      }
      case ConstantScoreQuery c -> {
        sb.append('(');
        write(c.getQuery(), sb);
        sb.append(")^=1");
      }
      case PhraseQuery p -> phrase(p.getField(), p.getTerms(), p.getPositions(), p.getSlop(), sb);
      case PrefixQuery p -> sb.append(p.getField()).append(':').append(escape(p.getPrefix().text())).append('*');
      case FuzzyQuery f -> sb.append(f.getField()).append(':').append(escape(f.getTerm().text())).append('~')
          .append(f.getMaxEdits());
      case MatchAllDocsQuery m -> sb.append("*:*");
      case MatchNoDocsQuery m -> sb.append(NOTHING);
      case SpanPositionRangeQuery r when r.getStart() == Fields.ABSTRACT_START -> span(r.getMatch(), sb);
      default -> throw unsupported(q);
    }
  }

  private static void bool(BooleanQuery b, StringBuilder sb) {
    if (b.getMinimumNumberShouldMatch() > 0) {
      throw unsupported(b);
    }
    if (b.clauses().isEmpty()) {
      sb.append(NOTHING);
      return;
    }
    sb.append('(');
    boolean first = true;
    for (BooleanClause c : b.clauses()) {
      if (!first) {
        sb.append(' ');
      }
      first = false;
      switch (c.occur()) {
        case MUST -> {
          sb.append('+');
          write(c.query(), sb);
        }
        case MUST_NOT -> {
          sb.append('-');
          write(c.query(), sb);
        }
        case FILTER -> {
          sb.append("+filter(");
          write(c.query(), sb);
          sb.append(')');
        }
        case SHOULD -> write(c.query(), sb);
      }
    }
    sb.append(')');
  }

  /** A span query over the combined field's abstract positions, as the same query on the abstract field. */
  private static void span(SpanQuery s, StringBuilder sb) {
    switch (s) {
      case SpanTermQuery t -> term(new Term(abstractField(t.getField()), t.getTerm().bytes()), sb);
      case SpanNearQuery n when n.isInOrder() && allTerms(n) -> {
        SpanQuery[] clauses = n.getClauses();
        Term[] terms = new Term[clauses.length];
        int[] positions = new int[clauses.length];
        for (int i = 0; i < clauses.length; i++) {
          terms[i] = ((SpanTermQuery) clauses[i]).getTerm();
          positions[i] = i;
        }
        phrase(abstractField(n.getField()), terms, positions, n.getSlop(), sb);
      }
      case SpanMultiTermQueryWrapper<?> w when w.getWrappedQuery() instanceof PrefixQuery p ->
          sb.append(abstractField(p.getField())).append(':').append(escape(p.getPrefix().text())).append('*');
      case SpanMultiTermQueryWrapper<?> w when w.getWrappedQuery() instanceof FuzzyQuery f ->
          sb.append(abstractField(f.getField())).append(':').append(escape(f.getTerm().text())).append('~')
              .append(f.getMaxEdits());
      default -> throw unsupported(s);
    }
  }

  private static boolean allTerms(SpanNearQuery n) {
    for (SpanQuery c : n.getClauses()) {
      if (!(c instanceof SpanTermQuery)) {
        return false;
      }
    }
    return true;
  }

  private static String abstractField(String combined) {
    return combined.equals(Fields.TEXT_EXACT) ? Fields.ABSTRACT + "_exact" : Fields.ABSTRACT;
  }

  private static void term(Term t, StringBuilder sb) {
    sb.append(t.field()).append(':').append(escape(t.text()));
  }

  private static void phrase(String field, Term[] terms, int[] positions, int slop, StringBuilder sb) {
    sb.append(field).append(":\"");
    for (int i = 0; i < terms.length; i++) {
      if (i > 0) {
        sb.append(' ');
        for (int gap = positions[i] - positions[i - 1] - 1; gap > 0; gap--) {
          sb.append(GAP).append(' ');
        }
      }
      sb.append(terms[i].text().replace("\\", "\\\\").replace("\"", "\\\""));
    }
    sb.append('"');
    if (slop > 0) {
      sb.append('~').append(slop);
    }
  }

  /** Backslashes every character the standard query parser gives a meaning to. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\+-!():^[]\"{}~*?|&/".indexOf(c) >= 0 || Character.isWhitespace(c)) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static InvalidRequestException unsupported(Query q) {
    return InvalidRequestException.badParameter("this query cannot run on the cluster yet (a "
        + q.getClass().getSimpleName() + ": " + q + "); simplify it, or search a local index");
  }
}
