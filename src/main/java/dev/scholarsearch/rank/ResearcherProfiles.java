package dev.scholarsearch.rank;

import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.WordCounts;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.index.StoredRecords;
import dev.scholarsearch.index.SurfaceForms;
import dev.scholarsearch.model.AuthorLink;
import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import dev.scholarsearch.index.LiveIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Assembles a researcher's profile: their pages' stats, papers, co-authors, categories and characteristic words. */
public final class ResearcherProfiles implements ProfileLookup {
  /** Papers listed (and aggregated for co-authors, categories, terms and years): the newest ones. */
  public static final int MAX_PAPERS = 200;
  /** Co-authors listed: enough for a page, and a long tail of one-paper co-authors says little. */
  static final int MAX_COAUTHORS = 50;
  /** Categories and years listed: a researcher's main areas fit in ten. */
  static final int MAX_COUNTS = 10;
  /** Characteristic words shown: a line's worth. */
  static final int CHARACTERISTIC_WORDS = 12;
  /** Words whose document frequency is looked up: only frequent words can be characteristic, and each lookup costs. */
  static final int CANDIDATE_WORDS = 400;
  private final LiveIndex index;

  public ResearcherProfiles(LiveIndex index) {
    this.index = index;
  }

  @Override
  public Optional<ResearcherProfile> profile(String id) {
    return index.search(searcher -> {
      Optional<Researcher> found = StoredRecords.researcher(searcher, id);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      List<Paper> papers = newestPapers(searcher, found.get().id());
      IndexReader reader = searcher.getIndexReader();
      return Optional.of(assemble(found.get(), papers, new DocFreqs() {
        @Override
        public int papers() throws IOException {
          return reader.docFreq(new Term(Fields.KIND, Fields.KIND_PAPER));
        }

        @Override
        public Map<String, Integer> of(List<String> words) throws IOException {
          Map<String, Integer> out = new HashMap<>();
          for (String w : words) {
            out.put(w, reader.docFreq(new Term(Fields.TEXT, w)));
          }
          return out;
        }
      }));
    });
  }

  /**
   * How many papers hold each word in the combined title and abstract field, and how many papers
   * there are: from the local index, or a cluster.
   */
  public interface DocFreqs {
    int papers() throws IOException;

    Map<String, Integer> of(List<String> words) throws IOException;
  }

  /**
   * The profile of {@code r} from their newest papers (newest first, at most {@link #MAX_PAPERS}):
   * co-authors, categories, papers per year, and characteristic words weighed by {@code df}.
   */
  public static ResearcherProfile assemble(Researcher r, List<Paper> papers, DocFreqs df) throws IOException {
    Map<String, Integer> coCount = new HashMap<>();
    Map<String, String> coName = new HashMap<>();
    Map<String, Integer> categories = new HashMap<>();
    Map<String, Integer> years = new TreeMap<>();
    SurfaceForms words = new SurfaceForms();
    for (Paper p : papers) {
      for (Authorship a : p.authors()) {
        if (!a.researcherId().equals(r.id())) {
          coCount.merge(a.researcherId(), 1, Integer::sum);
          coName.putIfAbsent(a.researcherId(), a.name());
        }
      }
      p.categories().forEach(c -> categories.merge(c, 1, Integer::sum));
      if (p.year() > 0) {
        years.merge(Integer.toString(p.year()), 1, Integer::sum);
      }
      words.learn(p.title() + "\n" + p.abstractText());
    }
    List<ResearcherProfile.Coauthor> coauthors = coCount.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_COAUTHORS).map(e -> new ResearcherProfile.Coauthor(e.getKey(), coName.get(e.getKey()), e.getValue())).toList();
    List<ResearcherProfile.Count> topCategories = categories.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_COUNTS).map(e -> new ResearcherProfile.Count(e.getKey(), e.getValue())).toList();
    List<ResearcherProfile.Count> perYear = years.entrySet().stream()
        .map(e -> new ResearcherProfile.Count(e.getKey(), e.getValue())).toList();
    List<String> terms = characteristicTerms(df, papers, words, CHARACTERISTIC_WORDS);
    List<ResearcherProfile.PaperSummary> summaries = papers.stream().map(p -> new ResearcherProfile.PaperSummary(
        p.id(), p.title(), p.knownYear(), p.date(), AuthorLink.of(p.authors()), p.categories(), p.venue(), p.hasCode())).toList();
    return new ResearcherProfile(r.id(), r.name(),
        r.ids().stream().map(i -> i.link(true)).toList(), r.nameVariants(), r.hasProfile(), r.profiles(), r.paperIds().size(),
        summaries, coauthors, topCategories, terms, perYear);
  }

  /** The researcher's newest papers (up to {@link #MAX_PAPERS}), newest first, found through the author-id field. */
  private static List<Paper> newestPapers(LiveIndex.Snapshot searcher, String researcherId)
      throws IOException {
    TopDocs t = searcher.search(new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.AUTHOR_ID, researcherId)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PAPER)), BooleanClause.Occur.FILTER).build(),
        MAX_PAPERS, new Sort(new SortField(Fields.DATE_SORT, SortField.Type.LONG, true)));
    List<Paper> out = new ArrayList<>();
    for (ScoreDoc sd : t.scoreDocs) {
      out.add(RecordJson.paper(searcher.storedFields().document(sd.doc).get(Fields.RECORD)));
    }
    return out;
  }

  /**
   * Terms of the researcher's papers ranked by tf × idf over all papers: words frequent in their
   * work and rare in everyone else's. Counted from the papers' text, which the page has read anyway.
   */
  static List<String> characteristicTerms(DocFreqs df, List<Paper> papers, SurfaceForms words, int n)
      throws IOException {
    Map<String, Long> tf = new HashMap<>();
    for (Paper p : papers) {
      WordCounts.of(p).forEach((t, c) -> tf.merge(t, (long) c, Long::sum));
    }
    int numPapers = Math.max(1, df.papers());
    // Only the most frequent words can be characteristic: look up document frequencies for those alone.
    List<Map.Entry<String, Long>> frequent = new ArrayList<>(tf.entrySet());
    frequent.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    List<Map.Entry<String, Long>> candidates = frequent.subList(0, Math.min(CANDIDATE_WORDS, frequent.size())).stream()
        .filter(e -> e.getKey().length() >= 3 && !e.getKey().chars().allMatch(Character::isDigit)).toList();
    Map<String, Integer> dfs = df.of(candidates.stream().map(Map.Entry::getKey).toList());
    Map<String, Double> scores = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : candidates) {
      int d = dfs.getOrDefault(e.getKey(), 0);
      double idf = Math.log(1 + (numPapers - d + 0.5) / (d + 0.5));
      scores.put(e.getKey(), e.getValue() * idf);
    }
    return scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(n).map(e -> words.word(e.getKey())).toList();
  }

}
