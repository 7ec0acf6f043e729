package dev.scholarsearch.search;

import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.model.AuthorLink;
import dev.scholarsearch.model.Paper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** A page of a {@link Retrieval} as search hits: the paper, a highlighted snippet, and why it ranks where it does. */
final class SearchHits {
  private static final Set<String> RECORD_ONLY = Set.of(Fields.RECORD);

  /** The abstract as the combined fields index it, stemmed and exact, for the highlighter to analyse. */
  private final Analyzer stemmedAbstract = Analyzers.abstractAsIndexed(false);
  private final Analyzer exactAbstract = Analyzers.abstractAsIndexed(true);
  private final HybridTuning hybrid;
  private final QueryVectors queryVectors;

  SearchHits(HybridTuning hybrid, QueryVectors queryVectors) {
    this.hybrid = hybrid;
    this.queryVectors = queryVectors;
  }

  List<PaperHit> page(LiveIndex.Snapshot searcher, Retrieval r, SearchRequest req, UserQuery q, SearchMode mode)
      throws IOException {
    List<Retrieval.Ranked> ranked = r.ranked();
    List<Retrieval.Ranked> page = ranked.subList(Math.min(req.offset(), ranked.size()),
        Math.min(ranked.size(), req.offset() + req.limit()));
    if (page.isEmpty()) {
      return List.of();
    }
    int[] docIds = page.stream().mapToInt(Retrieval.Ranked::doc).toArray();
    StoredFields stored = searcher.storedFields();
    Map<Integer, Paper> papers = new HashMap<>();
    for (int doc : docIds) {
      papers.put(doc, RecordJson.paper(stored.document(doc, RECORD_ONLY).get(Fields.RECORD)));
    }
    String[] snippets = snippets(searcher, req.exact(), q.query(), docIds, papers);
    List<PaperHit> hits = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      Retrieval.Ranked h = page.get(i);
      String explanation = req.explain() ? explain(searcher, h, r.lexical().orElse(null), mode) : null;
      hits.add(hit(papers.get(h.doc()), h, snippets[i], explanation, mode));
    }
    return hits;
  }

  /** One hit of a page: the paper as listed, its score and snippet, and why it ranks (when asked). */
  static PaperHit hit(Paper p, Retrieval.Ranked h, String snippet, String explanation, SearchMode mode) {
    return new PaperHit(p.id(), p.title(), AuthorLink.of(p.authors()),
        p.knownYear(), p.date(), p.categories(), p.venue(), p.type(), p.hasCode(), h.score(),
        snippet == null ? "" : snippet, explanation, h.matchedBy(mode), h.similarity().orElse(null));
  }

  /**
   * The highlighted snippets of {@code papers}' abstracts for {@code query}, in the order of
   * {@code docIds} (null where nothing matched). {@code searcher} only has to hold the documents.
   */
  String[] snippets(IndexSearcher searcher, boolean exact, Query query, int[] docIds, Map<Integer, Paper> papers)
      throws IOException {
    return highlighter(searcher, exact, positional(query), papers)
        .highlightFields(new String[] {Fields.ABSTRACT}, query, docIds, new int[] {2}).get(Fields.ABSTRACT);
  }

  /** Whether {@code q} has a phrase or a position range in it: only then do its matches depend on positions. */
  static boolean positional(Query q) {
    boolean[] found = {false};
    q.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... terms) {
        found[0] |= query instanceof PhraseQuery || query instanceof SpanQuery;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        found[0] |= parent instanceof SpanQuery;
        return this;
      }
    });
    return found[0];
  }

  /** Both contributions of a fused hit, then Lucene's own explanation of the lexical score. */
  private String explain(LiveIndex.Snapshot searcher, Retrieval.Ranked h, Query lexical, SearchMode mode)
      throws IOException {
    if (h.fusion().isEmpty()) {
      return searcher.explain(lexical, h.doc()).toString();
    }
    RankFusion.Fused f = h.fusion().get();
    if (mode == SearchMode.SEMANTIC) {
      return String.format(Locale.ROOT, "semantic: rank %d, cosine similarity %.4f to the query (%s)",
          f.semanticRank(), f.similarity(), queryVectors.model());
    }
    StringBuilder sb = new StringBuilder(RankFusion.explain(f, hybrid, queryVectors.model()));
    if (f.lexical() && lexical != null) {
      sb.append("lexical score:\n").append(searcher.explain(lexical, h.doc()));
    }
    return sb.toString();
  }

  /**
   * The highlighter over {@code papers}' abstracts. The index keeps neither the abstract's text
   * (the record holds it) nor its offsets (a sixth of the index): the highlighter reads the text
   * from the records already parsed for the page and analyses it again, as the combined field
   * indexed it, so the query's words, phrases and {@code abstract:} positions match as they did.
   */
  private UnifiedHighlighter highlighter(IndexSearcher searcher, boolean exact, boolean positional,
      Map<Integer, Paper> papers) {
    UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(searcher, exact ? exactAbstract : stemmedAbstract)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        // Matching a phrase as one takes running the query over an in-memory index of each
        // abstract: a quarter of a search's time. Words alone are found in the token stream.
        .withWeightMatches(positional)
        .withMaxLength(20_000)
        // Free text is searched in the combined title+abstract field: its words highlight the abstract.
        .withFieldMatcher(f -> f.equals(Fields.ABSTRACT) || f.equals(exact ? Fields.TEXT_EXACT : Fields.TEXT));
    return new UnifiedHighlighter(b) {
      @Override
      protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
          throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          Paper p = papers.get(doc);
          CharSequence[] v = new CharSequence[fields.length];
          for (int i = 0; i < fields.length; i++) {
            v[i] = p == null ? "" : fields[i].equals(Fields.TITLE) ? p.title() : p.abstractText();
          }
          values.add(v);
        }
        return values;
      }
    };
  }
}
