package dev.scholarsearch.bench;

import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.LiveIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Deterministic benchmark queries over a synthetic corpus: keyword searches (1-3 terms, phrases
 * taken from real titles, filtered, with and without facets), similar-paper ids, and expert topics.
 * Each keyword query is a URL query string, so the same list drives in-process and HTTP runs.
 */
public record QueryMix(List<String> searches, List<String> paperIds, List<String> topics) {

  public static QueryMix of(SyntheticCorpus corpus, LiveIndex index, int papers, int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> titles = index.search(s -> {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        TopDocs t = s.search(new TermQuery(new Term(Fields.ID, "syn-" + r.nextInt(papers))), 1);
        if (t.scoreDocs.length > 0) {
          out.add(s.storedFields().document(t.scoreDocs[0].doc, Set.of(Fields.TITLE)).get(Fields.TITLE));
        }
      }
      return out;
    });
    List<String> searches = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String q = switch (i % 6) {
        case 0 -> term(corpus, r);
        case 1 -> term(corpus, r) + " " + term(corpus, r);
        case 2 -> term(corpus, r) + " " + term(corpus, r) + " " + term(corpus, r);
        case 3 -> phrase(titles, r);
        case 4 -> term(corpus, r) + " " + term(corpus, r);
        default -> term(corpus, r);
      };
      StringBuilder qs = new StringBuilder("q=").append(enc(q));
      if (i % 6 == 4) {
        qs.append("&category=").append(enc(SyntheticCorpus.CATEGORIES[r.nextInt(SyntheticCorpus.CATEGORIES.length)]))
            .append("&year=").append(2015 + r.nextInt(8)).append('-');
      }
      qs.append("&facetLimit=").append(i % 2 == 0 ? 10 : 0);
      searches.add(qs.toString());
    }
    List<String> ids = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add("syn-" + r.nextInt(papers));
      topics.add(term(corpus, r) + " " + term(corpus, r));
    }
    return new QueryMix(searches, ids, topics);
  }

  /** What kind of keyword query the {@code i}-th search is, for timing each kind apart. */
  public static String searchKind(int i) {
    String kind = switch (i % 6) {
      case 0, 5 -> "1 word";
      case 1 -> "2 words";
      case 2 -> "3 words";
      case 3 -> "a quoted phrase";
      default -> "2 words, category+year filter";
    };
    return kind + (i % 2 == 0 ? ", with facets" : "");
  }

  /** A mid-frequency word: common enough to match many papers, rare enough to mean something. */
  private static String term(SyntheticCorpus corpus, SplittableRandom r) {
    return corpus.word(30 + r.nextInt(3_000));
  }

  private static String phrase(List<String> titles, SplittableRandom r) {
    String[] w = titles.get(r.nextInt(titles.size())).split(" ");
    int at = r.nextInt(Math.max(1, w.length - 1));
    return "\"" + w[at] + (at + 1 < w.length ? " " + w[at + 1] : "") + "\"";
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
