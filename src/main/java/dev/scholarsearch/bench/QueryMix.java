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
    List<String> titles = index.withoutBudget(s -> {
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

  /**
   * Queries of real papers' words, for a real corpus: keyword searches of 1-3 words taken from the
   * titles of random papers (words of the same title, so they co-occur as real queries' words do),
   * a quoted pair of neighbouring title words, each kind with and without facets; the ids of random
   * papers; and 2-word topics from titles.
   */
  public static QueryMix ofTitles(LiveIndex index, int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String[]> titles = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    index.withoutBudget(s -> { // choosing queries is not a request: no time budget
      int maxDoc = s.getIndexReader().maxDoc();
      var stored = s.storedFields();
      for (int tries = 0; ids.size() < count && tries < 100 * count; tries++) {
        var d = stored.document(r.nextInt(maxDoc), Set.of(Fields.ID, Fields.TITLE));
        String[] words = d.get(Fields.TITLE) == null ? new String[0]
            : java.util.Arrays.stream(d.get(Fields.TITLE).split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 3).toArray(String[]::new);
        if (words.length >= 3) {
          titles.add(words);
          ids.add(d.get(Fields.ID));
        }
      }
      return null;
    });
    if (titles.isEmpty()) {
      throw new IllegalArgumentException("the index has no paper with a title of three words or more");
    }
    List<String> searches = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String[] w = titles.get(i % titles.size());
      int at = r.nextInt(w.length - 2);
      String q = switch (i % 4) {
        case 0 -> w[at];
        case 1 -> w[at] + " " + w[at + 1];
        case 2 -> w[at] + " " + w[at + 1] + " " + w[at + 2];
        default -> "\"" + w[at] + " " + w[at + 1] + "\"";
      };
      searches.add("q=" + enc(q) + "&facetLimit=" + (withFacets(i) ? 10 : 0));
      topics.add(w[at] + " " + w[at + 2]);
    }
    return new QueryMix(searches, ids.subList(0, Math.min(count, ids.size())), topics);
  }

  /** What kind of keyword query the {@code i}-th search of {@link #ofTitles} is. */
  public static String titleSearchKind(int i) {
    String kind = switch (i % 4) {
      case 0 -> "1 word";
      case 1 -> "2 words";
      case 2 -> "3 words";
      default -> "a quoted phrase";
    };
    return kind + (withFacets(i) ? ", with facets" : "");
  }

  /** Every kind of query of {@link #ofTitles} is asked as often with facets as without. */
  private static boolean withFacets(int i) {
    return (i / 4) % 2 == 0;
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
