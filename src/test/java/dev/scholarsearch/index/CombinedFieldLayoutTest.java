package dev.scholarsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scholarsearch.model.Authorship;
import dev.scholarsearch.model.Paper;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The combined fields hold the title, then the abstract from {@link Fields#ABSTRACT_START} on, so a
 * query can keep to the abstract by position; and the highlighter's analysis of an abstract alone
 * puts its words where the index has them.
 */
class CombinedFieldLayoutTest {
  @Test
  void theAbstractStartsAtTheSamePositionWhateverTheTitle() throws Exception {
    // Stop words at the end of the title ("of the") and at the start of the abstract ("the") leave
    // holes: the abstract's first word after the hole is one further on, in the index as in analysis.
    List<Paper> papers = List.of(
        paper("a", "Sparse matrices", "Solvers for sparse matrices"),
        paper("b", "A study of the", "The solvers of graphs"),
        paper("c", "", "Solvers alone"));
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.perField()))) {
      DocumentBuilder builder = new DocumentBuilder();
      for (Paper p : papers) {
        w.addDocument(builder.paper(p, null, ""));
      }
      w.commit();
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        LeafReader leaf = r.leaves().get(0).reader();
        assertEquals(List.of(List.of(Fields.ABSTRACT_START), List.of(Fields.ABSTRACT_START + 1), List.of(Fields.ABSTRACT_START)),
            positions(leaf, new Term(Fields.TEXT, "solver")));
        assertEquals(List.of(List.of(1, Fields.ABSTRACT_START + 3)), positions(leaf, new Term(Fields.TEXT, "matric")));
        // The exact field keeps "The" as a word: b's "solvers" is the abstract's second word.
        assertEquals(List.of(List.of(Fields.ABSTRACT_START), List.of(Fields.ABSTRACT_START + 1), List.of(Fields.ABSTRACT_START)),
            positions(leaf, new Term(Fields.TEXT_EXACT, "solvers")));
        assertEquals(List.of(List.of(0)), positions(leaf, new Term(Fields.TEXT_EXACT, "a")), "b's title");
      }
    }
  }

  @Test
  void theHighlightersAnalysisPlacesAnAbstractAsTheIndexDoes() throws Exception {
    var ts = Analyzers.abstractAsIndexed(false).tokenStream(Fields.ABSTRACT, "The solvers of graphs");
    var pos = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
    ts.reset();
    ts.incrementToken();
    assertEquals(Fields.ABSTRACT_START + 1 + 1, pos.getPositionIncrement(), "position START + 1, counted from -1");
    ts.end();
    ts.close();
  }

  private static List<List<Integer>> positions(LeafReader leaf, Term t) throws java.io.IOException {
    PostingsEnum pe = leaf.postings(t, PostingsEnum.POSITIONS);
    List<List<Integer>> out = new ArrayList<>();
    if (pe == null) {
      return out;
    }
    while (pe.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
      List<Integer> ps = new ArrayList<>();
      for (int i = 0; i < pe.freq(); i++) {
        ps.add(pe.nextPosition());
      }
      out.add(ps);
    }
    return out;
  }

  private static Paper paper(String id, String title, String abstractText) {
    return new Paper(id, title, title, abstractText, abstractText, List.of(new Authorship("Ada Lovelace", "r-ada")),
        2020, null, List.of(), "", "", false, null, "", "", List.of("test:" + id), List.of());
  }
}
