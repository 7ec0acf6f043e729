package dev.scholarsearch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.RecordJson;
import dev.scholarsearch.model.Researcher;
import dev.scholarsearch.search.Suggester;
import dev.scholarsearch.search.Suggestion;
import dev.scholarsearch.search.TypeAhead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Type-ahead on the cluster, with the local suggester's rules: every word typed must match a word
 * of the suggestion, the last one as a prefix (analysed as names are: lower case, accents folded);
 * researchers weigh by their paper count, topics by how many papers have them, titles least. The
 * local suggester is an infix index built in memory from every title and name; the cluster is asked
 * instead, with a query per kind, so it scales with the collection. Among titles (all of equal
 * weight) the order is by id, where the local index keeps its own order.
 */
public final class ClusterSuggester implements TypeAhead {
  private static final Duration QUERY = Duration.ofSeconds(5);

  private final SolrHttp solr;

  public ClusterSuggester(ClusterSearcher cluster) {
    this.solr = cluster.solr();
  }

  private record Weighted(Suggestion suggestion, long weight) {}

  /** @throws EngineFailure when the cluster cannot be reached or fails */
  @Override
  public List<Suggestion> suggest(String prefix, int limit) {
    String typed = Suggester.checked(prefix, limit);
    Words words = words(typed);
    if (words.list().isEmpty()) {
      return List.of();
    }
    try {
      List<Weighted> all = new ArrayList<>();
      int rows = 2 * limit;
      for (JsonNode d : select(Map.of("q", matching(Fields.NAME, words), "fq", Fields.KIND + ":" + Fields.KIND_RESEARCHER,
          "fl", Fields.RECORD + "," + Fields.PAPER_COUNT, "rows", rows, "sort", Fields.PAPER_COUNT + " desc,id asc",
          "wt", "json")).path("response").path("docs")) {
        Researcher r = RecordJson.researcher(d.path(Fields.RECORD).asText());
        all.add(new Weighted(new Suggestion(r.name(), "researcher", r.id()),
            Suggester.researcherWeight(d.path(Fields.PAPER_COUNT).asLong())));
      }
      String facet = "{\"c\":{\"type\":\"terms\",\"field\":\"" + Fields.CATEGORY + "\",\"limit\":-1}}";
      for (JsonNode b : select(Map.of("q", Fields.KIND + ":" + Fields.KIND_PAPER, "rows", 0, "json.facet", facet,
          "wt", "json")).path("facets").path("c").path("buckets")) {
        String label = b.path("val").asText();
        if (matches(words(label).list(), words)) {
          all.add(new Weighted(new Suggestion(label, "topic", label), Suggester.topicWeight(b.path("count").asLong())));
        }
      }
      for (JsonNode d : select(Map.of("q", matching("suggest_title", words), "fq", Fields.KIND + ":" + Fields.KIND_PAPER,
          "fl", Fields.RECORD, "rows", rows, "sort", "id asc", "wt", "json")).path("response").path("docs")) {
        var p = RecordJson.paper(d.path(Fields.RECORD).asText());
        all.add(new Weighted(new Suggestion(p.title(), "paper", p.id()), 1));
      }
      all.sort(Comparator.comparingLong(Weighted::weight).reversed());
      List<Suggestion> out = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (Weighted w : all.subList(0, Math.min(rows, all.size()))) {
        if (seen.add(Suggester.sameKey(w.suggestion().kind(), w.suggestion().text())) && out.size() < limit) {
          out.add(w.suggestion());
        }
      }
      return out;
    } catch (IOException e) {
      throw EngineFailure.of(e);
    }
  }

  /**
   * The words typed; the last one is a prefix unless something the analyzer drops follows it ("cs."
   * asks for the word "cs"), as Lucene's AnalyzingInfixSuggester reads a query.
   */
  private record Words(List<String> list, boolean lastIsPrefix) {}

  /** Every word on {@code field}, the last as a prefix when it is one. */
  private static String matching(String field, Words words) {
    StringBuilder q = new StringBuilder();
    List<String> list = words.list();
    for (int i = 0; i < list.size(); i++) {
      q.append(i == 0 ? "+" : " +").append(field).append(':').append(SolrQueryWriter.escape(list.get(i)));
      if (i == list.size() - 1 && words.lastIsPrefix()) {
        q.append('*');
      }
    }
    return q.toString();
  }

  /** Whether {@code label}'s words hold every word typed, the last as a prefix of one when it is one. */
  private static boolean matches(List<String> label, Words words) {
    List<String> list = words.list();
    for (int i = 0; i < list.size(); i++) {
      String w = list.get(i);
      boolean prefix = i == list.size() - 1 && words.lastIsPrefix();
      if (label.stream().noneMatch(l -> prefix ? l.startsWith(w) : l.equals(w))) {
        return false;
      }
    }
    return true;
  }

  private static Words words(String text) {
    List<String> out = new ArrayList<>();
    try (Analyzer names = Analyzers.names(); TokenStream ts = names.tokenStream(Fields.NAME, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int lastEnd = -1;
      while (ts.incrementToken()) {
        out.add(term.toString());
        lastEnd = Math.max(lastEnd, offset.endOffset());
      }
      ts.end();
      return new Words(out, lastEnd == offset.endOffset());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode select(Map<String, ?> params) throws IOException {
    return solr.select(params, QUERY);
  }
}
