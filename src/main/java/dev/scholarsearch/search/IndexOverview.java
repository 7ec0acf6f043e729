package dev.scholarsearch.search;

import dev.scholarsearch.index.LiveIndex;
import dev.scholarsearch.index.Fields;
import dev.scholarsearch.index.IndexManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;

/**
 * What an index holds: document counts, when and from what it was built, its size on disk, and
 * the most common facet values.
 */
public record IndexOverview(
    Path path,
    long papers,
    long researchers,
    long researchersWithProfiles,
    IndexManifest manifest,
    long sizeBytes,
    Map<String, List<FacetValue>> topFacets) {

  /** Counts, manifest and size only: cheap enough for every health check. */
  public static IndexOverview counts(LiveIndex index) {
    return index.search(s -> new IndexOverview(index.path(), count(s, Fields.KIND_PAPER), count(s, Fields.KIND_RESEARCHER),
        withProfiles(s), s.manifest(), sizeOf(index.path()), Map.of()));
  }

  private static long count(LiveIndex.Snapshot s, String kind) throws java.io.IOException {
    return s.count(new TermQuery(new Term(Fields.KIND, kind)));
  }

  private static long withProfiles(LiveIndex.Snapshot s) throws java.io.IOException {
    return s.count(new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_RESEARCHER)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.HAS_PROFILE, "true")), BooleanClause.Occur.FILTER)
        .build());
  }

  /** Reads the overview from the current searcher, with the top facet values (for {@code stats}). */
  public static IndexOverview of(LiveIndex index, PaperSearcher searcher) {
    return index.search(s -> {
      long papers = s.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PAPER)));
      long researchers = s.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_RESEARCHER)));
      long withProfile = s.count(new BooleanQuery.Builder()
          .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_RESEARCHER)), BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(Fields.HAS_PROFILE, "true")), BooleanClause.Occur.FILTER)
          .build());
      SearchResult all = searcher.search(new SearchRequest("", SearchFilters.NONE, SortOrder.RELEVANCE, 0, 1,
          false, false, 5, SearchMode.LEXICAL));
      return new IndexOverview(index.path(), papers, researchers, withProfile, s.manifest(), sizeOf(index.path()),
          all.facets());
    });
  }

  private static long sizeOf(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0; // deleted by a concurrent rebuild between list and size
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
