package dev.scholarsearch.similar;

import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.index.SurfaceForms;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.search.InvalidRequestException;
import dev.scholarsearch.search.LiveIndex;
import dev.scholarsearch.search.PaperSearcher;
import dev.scholarsearch.search.SearchFilters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Papers like a given paper or a pasted text: Lucene's MoreLikeThis over title and abstract picks
 * the query's most telling terms; each hit reports which of them it shares.
 */
public final class SimilarPapers {
  public static final int MAX_TEXT_CHARS = 20_000;
  private final LiveIndex index;
  private final PaperSearcher papers;
  private final SimilarityModel model;

  public SimilarPapers(LiveIndex index, PaperSearcher papers) {
    this(index, papers, SimilarityModel.DEFAULT);
  }

  public SimilarPapers(LiveIndex index, PaperSearcher papers, SimilarityModel model) {
    this.index = index;
    this.papers = papers;
    this.model = model;
  }

  /** Papers like the paper {@code id}, never itself; empty when there is no such paper. */
  public Optional<List<SimilarHit>> like(String id, SearchFilters filters, int limit) {
    checkLimit(limit);
    return index.search(searcher -> {
      TopDocs found = searcher.search(new BooleanQuery.Builder()
          .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PAPER)), BooleanClause.Occur.FILTER).build(), 1);
      if (found.scoreDocs.length == 0) {
        return Optional.empty();
      }
      int doc = found.scoreDocs[0].doc;
      Paper paper = RecordJson.paper(searcher.storedFields().document(doc).get(Fields.RECORD));
      Query mlt = mlt(searcher).like(doc);
      SurfaceForms words = new SurfaceForms().learn(paper.title() + "\n" + paper.abstractText());
      return Optional.of(run(searcher, mlt, filters, limit, id, words));
    });
  }

  /** Papers like a pasted abstract or any text. */
  public List<SimilarHit> likeText(String text, SearchFilters filters, int limit) {
    checkLimit(limit);
    if (text == null || text.isBlank()) {
      throw InvalidRequestException.badParameter("text must not be empty");
    }
    if (text.length() > MAX_TEXT_CHARS) {
      throw InvalidRequestException.badParameter("text must be at most " + MAX_TEXT_CHARS + " characters, got " + text.length());
    }
    return index.search(searcher -> {
      Map<String, Collection<Object>> fields = new LinkedHashMap<>();
      fields.put(Fields.TITLE, List.of(text));
      fields.put(Fields.ABSTRACT, List.of(text));
      Query mlt = mlt(searcher).like(fields);
      return run(searcher, mlt, filters, limit, null, new SurfaceForms().learn(text));
    });
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > 100) {
      throw InvalidRequestException.badParameter("limit must be between 1 and 100, got " + limit);
    }
  }

  private MoreLikeThis mlt(LiveIndex.Snapshot searcher) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(Analyzers.perField());
    mlt.setFieldNames(new String[] {Fields.TITLE, Fields.ABSTRACT});
    mlt.setMinTermFreq(model.minTermFreq());
    mlt.setMinDocFreq(model.minDocFreq());
    mlt.setMaxDocFreqPct(model.maxDocFreqPercent());
    mlt.setMaxQueryTerms(model.maxQueryTerms());
    mlt.setBoost(true);
    return mlt;
  }

  private List<SimilarHit> run(LiveIndex.Snapshot searcher, Query mlt, SearchFilters filters, int limit, String excludeId,
      SurfaceForms words) throws IOException {
    Map<String, Float> queryTerms = termBoosts(mlt);
    if (queryTerms.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(mlt, BooleanClause.Occur.MUST)
        .add(papers.filterQuery(filters), BooleanClause.Occur.FILTER);
    if (excludeId != null) {
      b.add(new TermQuery(new Term(Fields.ID, excludeId)), BooleanClause.Occur.MUST_NOT);
    }
    TopDocs top = searcher.search(b.build(), limit);
    TermVectors vectors = searcher.getIndexReader().termVectors();
    List<SimilarHit> out = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      Paper p = RecordJson.paper(searcher.storedFields().document(sd.doc).get(Fields.RECORD));
      List<String> shared = shared(vectors, sd.doc, queryTerms, words);
      String reason = shared.isEmpty() ? "similar wording" : "shares " + String.join(", ", shared);
      out.add(new SimilarHit(p.id(), p.title(), p.authorNames(), p.year(), p.categories(), sd.score, shared, reason));
    }
    return out;
  }

  /** The MoreLikeThis query's terms with their boosts, strongest first. */
  static Map<String, Float> termBoosts(Query mlt) {
    Map<String, Float> boosts = new LinkedHashMap<>();
    mlt.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }

      @Override
      public void visitLeaf(Query query) {
        Query q = query;
        float boost = 1f;
        if (q instanceof BoostQuery bq) {
          boost = bq.getBoost();
          q = bq.getQuery();
        }
        if (q instanceof TermQuery tq) {
          boosts.merge(tq.getTerm().text(), boost, Math::max);
        }
      }

      @Override
      public void consumeTerms(Query query, Term... terms) {
        for (Term t : terms) {
          boosts.merge(t.text(), 1f, Math::max);
        }
      }
    });
    List<Map.Entry<String, Float>> sorted = new ArrayList<>(boosts.entrySet());
    sorted.sort(Map.Entry.<String, Float>comparingByValue().reversed());
    Map<String, Float> out = new LinkedHashMap<>();
    sorted.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static List<String> shared(TermVectors vectors, int doc, Map<String, Float> queryTerms, SurfaceForms words)
      throws IOException {
    Set<String> present = new TreeSet<>();
    for (String field : new String[] {Fields.TITLE, Fields.ABSTRACT}) {
      Terms terms = vectors.get(doc, field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      for (String t : queryTerms.keySet()) {
        if (te.seekExact(new BytesRef(t))) {
          present.add(t);
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String t : queryTerms.keySet()) {
      if (present.contains(t) && out.size() < 5) {
        out.add(words.word(t));
      }
    }
    return out;
  }
}
