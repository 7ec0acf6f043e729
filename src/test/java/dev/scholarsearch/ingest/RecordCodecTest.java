package dev.scholarsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.TestData;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Listing;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What waits on disk while a corpus is built comes back as it went: every listing of CACM and
 * SciFact, and every paper and researcher built from the seeds, the format fixtures and CACM.
 */
class RecordCodecTest {

  @Test
  void listingsComeBackWholeButForTheirAbstracts() throws IOException {
    List<Listing> listings = new ArrayList<>();
    new JsonlPaperReader().read(TestData.cacm("corpus.jsonl"), listings::add);
    new JsonlPaperReader().read(TestData.scifact("corpus.jsonl"), listings::add);
    assertEquals(3204 + 1000, listings.size()); // all of CACM, and the 1,000-abstract SciFact subset kept in the repo
    for (Listing l : listings) {
      Listing kept = new Listing("", l.externalId(), "", "", "", "", l.authors(), l.authorsTruncated(), "", l.year(),
          null, List.of(), "", "", false, null, "", l.ids(), List.of());
      Listing back = RecordCodec.listing(RecordCodec.listingRest(l), kept);
      Listing expected = new Listing(l.source(), l.externalId(), l.title(), l.rawTitle(), "", "", l.authors(),
          l.authorsTruncated(), l.affiliation(), l.year(), l.date(), l.categories(), l.venue(), l.type(), l.hasCode(),
          l.score(), l.url(), l.ids(), l.keywords());
      assertEquals(expected, back, l.source());
    }
  }

  @Test
  void papersAndResearchersComeBackEqual() {
    Corpus corpus = new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {})
        .ingest(List.of(TestData.seeds(), Path.of("src/test/resources/formats").toAbsolutePath(),
            TestData.cacm("corpus.jsonl")))
        .corpus();
    assertTrue(corpus.papers().size() > 3204, "papers: " + corpus.papers().size());
    for (Paper p : corpus.papers()) {
      assertEquals(p, RecordCodec.paper(RecordCodec.paper(p)), p.id());
    }
    int withoutProfile = 0;
    for (Researcher r : corpus.researchers()) {
      if (!r.hasProfile()) {
        assertEquals(r, RecordCodec.researcher(RecordCodec.researcher(r)), r.id());
        withoutProfile++;
      }
    }
    assertFalse(withoutProfile == 0);
  }
}
