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
  void fieldedTermsAndExactSearch() {
    assertEquals("title:graph", parsed("title:graph"));
    assertEquals("+(text:agent (title:agent)^0.5) author_text:zhu", parsed("author:zhu +agents"));
    assertEquals("-author_text:zhu +*:*", parsed("-author:zhu"));
    assertEquals("+((title_exact:graphs)^1.5 abstract_exact:graphs)", parser.parse("Graphs", true).toString());
  }

  @Test
  void starsAloneAndEmptyText() {
    assertEquals("*:*", parsed(""));
    assertEquals("+((text:oper (title:oper)^0.5) (text:like (title:like)^0.5))", parsed("operators like *, +"));
    assertThrows(InvalidRequestException.class, () -> parsed("* **"));
  }
}
