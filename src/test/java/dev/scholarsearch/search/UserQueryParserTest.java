package dev.scholarsearch.search;

import dev.scholarsearch.index.InvalidRequestException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scholarsearch.index.Analyzers;
import org.junit.jupiter.api.Test;

/**
 * The user query syntax, parsed to exact Lucene queries (no index needed). Free words search the
 * combined field plus half a title bonus (SearchTuning.DEFAULT), stemmed by Porter.
 */
class UserQueryParserTest {
  private final UserQueryParser parser = new UserQueryParser(Analyzers.perField(), SearchTuning.DEFAULT.weights());

  private String parsed(String q) {
    return parser.parse(q, false).toString();
  }

  @Test
  void wordsAreOptionalAndStemmedWithATitleBonus() {
    assertEquals("+(text:graph (title:graph)^0.5)", parsed("graph"));
    assertEquals("+((text:spars (title:spars)^0.5) (text:matric (title:matric)^0.5))", parsed("sparse matrices"));
    assertEquals("+(text:\"stochast gradient\" (title:\"stochast gradient\")^0.5)", parsed("\"stochastic gradient\""));
    assertEquals("+(text:retriev* (title:retriev*)^0.5)", parsed("retriev*"));
  }

  @Test
  void aNegatedWordExcludesPapersInsteadOfAddingEveryOtherOne() {
    // SimpleQueryParser alone gives +(neural (-network *:*)): "neural, or anything without network".
    assertEquals("+((text:neural (title:neural)^0.5) -(text:network (title:network)^0.5))", parsed("neural -network"));
    assertEquals("+((text:neural (title:neural)^0.5) (text:graph (title:graph)^0.5) -(text:network (title:network)^0.5))",
        parsed("neural graph -network"));
    assertEquals("+(-(text:network (title:network)^0.5) *:*)", parsed("-network"), "alone: everything but");
  }

  @Test
  void signsInsideNamesAreNotOperators() {
    // SciFact train claims 345, 576 and 1040: read as operators, "-2" excluded every paper with a 2,
    // and "+Eomes" required a word the relevant abstract does not have.
    UserQueryParser bare = new UserQueryParser(Analyzers.perField(), new UserQueryParser.FieldWeights(1f, 0f));
    assertEquals("+((text:e2f text:1) text:2 text:3 text:cell)", bare.parse("E2f-1, -2, -3 cells", false).toString());
    assertEquals("+((text:pd text:1) text:eom text:cd8 text:t)", bare.parse("PD-1+Eomes+CD8 T", false).toString());
    assertEquals("+(text:h2a text:1 text:nucleosom)", bare.parse("H2A +1 nucleosomes", false).toString());
    assertEquals("+(text:h2a text:histon)", bare.parse("(H2A)-histone", false).toString());
    assertEquals("+(+text:neural +text:network)", bare.parse("+neural +network", false).toString(), "operators stay");
    assertEquals("+(text:neural -text:network)", bare.parse("neural -network", false).toString());
  }

  @Test
  void abstractKeepsToTheAbstractsPositionsOfTheCombinedField() {
    UserQueryParser bare = new UserQueryParser(Analyzers.perField(), new UserQueryParser.FieldWeights(1f, 0f));
    int start = dev.scholarsearch.index.Fields.ABSTRACT_START;
    assertEquals("+spanPosRange(text:spars, " + start + ", 2147483647)", bare.parse("+abstract:sparse", false).toString());
    // The phrase keeps its hole, where the stop word "of" was.
    assertEquals("spanPosRange(spanNear([text:solver, SpanGap(:1), text:graph], 0, true), " + start + ", 2147483647)",
        bare.parse("abstract:\"solvers of graphs\"", false).toString());
    assertEquals("-spanPosRange(text_exact:solvers, " + start + ", 2147483647) +*:*",
        bare.parse("-abstract:Solvers", true).toString());
  }

  @Test
  void fieldedTermsAndExactSearch() {
    assertEquals("title:graph", parsed("title:graph"));
    assertEquals("+(text:agent (title:agent)^0.5) author_text:zhu", parsed("author:zhu +agents"));
    assertEquals("-author_text:zhu +*:*", parsed("-author:zhu"));
    assertEquals("+(text_exact:graphs (title_exact:graphs)^0.5)", parser.parse("Graphs", true).toString());
  }

  @Test
  void starsAloneAndEmptyText() {
    assertEquals("*:*", parsed(""));
    assertEquals("+((text:oper (title:oper)^0.5) (text:like (title:like)^0.5))", parsed("operators like *, +"));
    assertThrows(InvalidRequestException.class, () -> parsed("* **"));
  }
}
