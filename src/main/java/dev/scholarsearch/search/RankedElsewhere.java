package dev.scholarsearch.search;

import dev.scholarsearch.index.Analyzers;
import dev.scholarsearch.index.DocumentBuilder;
import dev.scholarsearch.model.Paper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Search hits for papers that another engine ranked (a cluster): formatted as a local search
 * formats them. The highlighter needs an index holding the papers, so the page's few papers are
 * indexed in memory, by the same document builder and analyzers as the local index: a millisecond
 * for a page of ten.
 */
public final class RankedElsewhere {
  /** One ranked paper and, when asked for, the engine's explanation of its score. */
  public record Hit(Paper paper, float score, Optional<RankFusion.Fused> fusion, String explanation) {}

  private final SearchHits hits;

  public RankedElsewhere(HybridTuning hybrid, QueryVectors vectors) {
    this.hits = new SearchHits(hybrid, vectors);
  }

  /** The page, in the order given. */
  public List<PaperHit> page(List<Hit> page, SearchRequest req, UserQuery q, SearchMode mode) throws IOException {
    if (page.isEmpty()) {
      return List.of();
    }
    DocumentBuilder builder = new DocumentBuilder();
    Map<Integer, Paper> papers = new HashMap<>();
    int[] docIds = new int[page.size()];
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.perField()))) {
        for (int i = 0; i < page.size(); i++) {
          w.addDocument(builder.paper(page.get(i).paper(), null, ""));
          papers.put(i, page.get(i).paper());
          docIds[i] = i;
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        String[] snippets = hits.snippets(new IndexSearcher(reader), req.exact(), q.query(), docIds, papers);
        List<PaperHit> out = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
          Hit h = page.get(i);
          out.add(SearchHits.hit(h.paper(), new Retrieval.Ranked(i, h.score(), h.fusion()), snippets[i],
              req.explain() ? h.explanation() : null, mode));
        }
        return out;
      }
    }
  }
}
