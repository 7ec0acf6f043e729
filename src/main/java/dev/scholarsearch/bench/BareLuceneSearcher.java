package dev.scholarsearch.bench;

import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.model.Paper;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;

/**
 * The floor for query latency: a bare IndexSearcher over the same index, running the same query
 * texts as plain Lucene would, with nothing of ours on top. A search is the words as a BM25 OR
 * query (a quoted pair as a phrase) over the combined field, top 10, titles read; similar papers
 * is MoreLikeThis over the paper's text, top 10; researchers is the topic's BM25 top 100, the
 * papers expert ranking votes with. No facets, no highlighting, no fusion, no JSON.
 */
public final class BareLuceneSearcher {
  private static final Set<String> TITLE = Set.of(Fields.TITLE);
  private final Analyzer analyzer = Analyzers.english();
  private final QueryBuilder builder = new QueryBuilder(analyzer);

  /** The timed calls for {@code kind}, one per query of the mix, each on the searcher it is given. */
  public List<LiveIndex.SearchTask<Integer>> calls(Benchmark.Kind kind, QueryMix mix, LiveIndex index) {
    List<LiveIndex.SearchTask<Integer>> out = new ArrayList<>();
    switch (kind) {
      case SEARCH -> mix.searches().forEach(qs -> {
        Query q = keywords(text(qs));
        out.add(s -> titles(s, s.search(q, 10)));
      });
      case SIMILAR -> {
        // The paper's text is read before timing: a bare application would hold it already.
        List<String> texts = index.withoutBudget(s -> {
          List<String> t = new ArrayList<>();
          for (String id : mix.paperIds()) {
            TopDocs d = s.search(new TermQuery(new Term(Fields.ID, id)), 1);
            Paper p = RecordJson.paper(s.storedFields().document(d.scoreDocs[0].doc).get(Fields.RECORD));
            t.add(p.title() + "\n" + p.abstractText());
          }
          return t;
        });
        texts.forEach(text -> out.add(s -> titles(s, s.search(moreLikeThis(s, text), 10))));
      }
      case RESEARCHERS -> mix.topics().forEach(t -> {
        Query q = keywords(t);
        out.add(s -> s.search(q, 100).scoreDocs.length);
      });
    }
    return out;
  }

  private Query keywords(String text) {
    Query q = text.startsWith("\"") && text.endsWith("\"")
        ? builder.createPhraseQuery(Fields.TEXT, text.substring(1, text.length() - 1))
        : builder.createBooleanQuery(Fields.TEXT, text);
    return q == null ? MatchNoDocsQuery.INSTANCE : q;
  }

  private Query moreLikeThis(IndexSearcher s, String text) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {Fields.TEXT});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    return mlt.like(Fields.TEXT, new StringReader(text));
  }

  private static int titles(IndexSearcher s, TopDocs top) throws IOException {
    var stored = s.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      stored.document(sd.doc, TITLE);
    }
    return top.scoreDocs.length;
  }

  private static String text(String queryString) {
    for (String kv : queryString.split("&")) {
      if (kv.startsWith("q=")) {
        return URLDecoder.decode(kv.substring(2), StandardCharsets.UTF_8);
      }
    }
    return "";
  }
}
