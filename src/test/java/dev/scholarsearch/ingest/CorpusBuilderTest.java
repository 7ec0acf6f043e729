package dev.scholarsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.TestData;
import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.PageLayout;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.ProfileSnapshot;
import dev.scholarsearch.model.Researcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging on the real seed pages: 48 listings on 5 pages become 42 papers and 57 researchers. */
class CorpusBuilderTest {
  private static Ingester.Result ingest(List<Path> inputs) {
    return new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(inputs);
  }

  private static Paper byTitle(Corpus c, String title) {
    return c.papers().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow(() -> new AssertionError(title));
  }

  private static List<Researcher> named(Corpus c, String name) {
    return c.researchers().stream().filter(r -> r.name().equals(name)).toList();
  }

  @Test
  void seedCountsAfterMerging() {
    Ingester.Result r = ingest(List.of(TestData.seeds()));
    IngestReport rep = r.report();
    assertEquals(5, rep.filesRead());
    assertEquals(3, rep.pagesByLayout().get("A"));
    assertEquals(2, rep.pagesByLayout().get("B"));
    assertEquals(48, rep.merge().listings());
    assertEquals(5, rep.merge().duplicatesMerged(), "five of Siqi Zhu's six layout-A papers are on the layout-B page too");
    assertEquals(1, rep.merge().versionsMerged(), "the sixth is a second version of 'Who Prices Cognitive Labor...'");
    assertEquals(42, rep.papers());
    assertEquals(57, rep.researchers());
    assertEquals(4, rep.researchersWithProfiles());
    assertEquals(1, rep.merge().profilesMerged());
    assertEquals(List.of(), rep.skipped());
    assertEquals(List.of(), rep.warnings());
  }

  @Test
  void samePaperOnTwoPagesIsOnePaperWithTheUnionOfAuthorsAndSources() {
    Corpus c = ingest(List.of(TestData.seeds())).corpus();
    Paper fl = byTitle(c, "Federated Learning and Class Imbalances");
    assertEquals(List.of("Siqi Zhu", "Joshua D. Kaggie"), fl.authorNames());
    assertEquals(List.of("000_338b29866162c2a4.txt#2", "001_3dd05b5ade0d2464.txt#5"), fl.sources());
    assertEquals(LocalDate.of(2026, 1, 9), fl.date(), "the layout-B date");
    assertEquals("arXiv", fl.venue(), "the layout-A venue");
    assertEquals("preprint", fl.type());
    assertEquals(List.of("cs.LG"), fl.categories());
    assertEquals(List.of(), fl.versions());
  }

  @Test
  void secondVersionIsMergedAndRecorded() {
    Corpus c = ingest(List.of(TestData.seeds())).corpus();
    List<Paper> who = c.papers().stream().filter(p -> p.title().startsWith("Who Prices Cognitive Labor")).toList();
    assertEquals(1, who.size());
    Paper p = who.get(0);
    assertEquals(1, p.versions().size());
    assertEquals(2, p.sources().size());
    assertNotEquals(p.title(), p.versions().get(0).title());
    assertTrue(List.of(p.title(), p.versions().get(0).title()).contains(
        "Who Prices Cognitive Labor in the Age of Agents? A Position on Compute-Anchored Wages"));
  }

  @Test
  void researcherOnTwoPagesInDifferentLayoutsIsOneResearcher() {
    Corpus c = ingest(List.of(TestData.seeds())).corpus();
    List<Researcher> siqi = named(c, "Siqi Zhu");
    assertEquals(1, siqi.size());
    Researcher r = siqi.get(0);
    assertEquals("siqi-zhu", r.id());
    assertEquals(List.of(PageLayout.TRUST_PROFILE, PageLayout.METRICS_PROFILE),
        r.profiles().stream().map(ProfileSnapshot::layout).toList());
    assertEquals(15, r.paperIds().size(), "15 distinct papers across both pages");
    Paper mesh = byTitle(c, "Mesh-Attention: A New Communication-Efficient Distributed Attention with Improved Data Locality");
    assertEquals(List.of("sirui-chen", "jingji-chen", "siqi-zhu"),
        mesh.authors().stream().map(a -> a.researcherId()).toList());
  }

  @Test
  void everyAuthorIsAResearcherAndOnlyPageOwnersHaveProfiles() {
    Corpus c = ingest(List.of(TestData.seeds())).corpus();
    Researcher yuhang = named(c, "Yuhang Zhou").get(0);
    assertFalse(yuhang.hasProfile());
    assertEquals(7, yuhang.paperIds().size());
    assertEquals(List.of("Lizhu Zhang", "Ruqi Zhang", "Siqi Zhu", "Zihan Qiu"),
        c.researchers().stream().filter(Researcher::hasProfile).map(Researcher::name).sorted().toList());
    for (Paper p : c.papers()) {
      for (var a : p.authors()) {
        assertTrue(c.researchers().stream().anyMatch(r -> r.id().equals(a.researcherId()) && r.paperIds().contains(p.id())),
            a + " of " + p.id());
      }
    }
  }

  @Test
  void namesakesWithoutASharedPaperStaySeparate(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.txt"), page("Alex Kim", "Graph Neural Networks for Molecules", "Chemistry graphs."));
    Files.writeString(dir.resolve("b.txt"), page("Alex Kim", "Medieval Trade Routes in the Baltic", "History of trade."));
    Files.writeString(dir.resolve("c.txt"), page("Alex Kim", "Graph Neural Networks for Molecules", "Chemistry graphs."));
    Corpus c = ingest(List.of(dir)).corpus();
    List<Researcher> alexes = named(c, "Alex Kim");
    assertEquals(2, alexes.size(), "a.txt and c.txt share a paper; b.txt does not");
    assertNotEquals(alexes.get(0).id(), alexes.get(1).id());
    assertEquals(List.of(2, 1), alexes.stream().map(r -> r.profiles().size()).sorted((x, y) -> y - x).toList());
  }

  @Test
  void idsAreStableAcrossRunsAndAddingAFileDuplicatesNothing(@TempDir Path dir) throws Exception {
    Corpus first = ingest(List.of(TestData.seeds())).corpus();
    Corpus again = ingest(List.of(TestData.seeds())).corpus();
    assertEquals(first.papers().stream().map(Paper::id).toList(), again.papers().stream().map(Paper::id).toList());
    assertEquals(first.researchers().stream().map(Researcher::id).toList(), again.researchers().stream().map(Researcher::id).toList());

    Path extra = dir.resolve("extra.txt");
    Files.writeString(extra, page("Ruqi Zhang", "Cyclical Stochastic Gradient MCMC for Bayesian Deep Learning", "Cyclical."));
    Corpus more = ingest(List.of(TestData.seeds(), extra)).corpus();
    assertEquals(42, more.papers().size(), "the extra page lists a paper the index already has");
    assertEquals(1, named(more, "Ruqi Zhang").size(), "same name and a shared paper: the same researcher");
    assertEquals(2, named(more, "Ruqi Zhang").get(0).profiles().size());
  }

  @Test
  void collectionAbstractsWaitOnDiskAndStillDecideTheMerge(@TempDir Path dir) throws Exception {
    String base = "We study how sparse attention patterns emerge in transformer language models trained on code, "
        + "and show that a handful of heads track bracket depth while others copy identifiers from earlier lines; "
        + "pruning the rest costs almost nothing on completion benchmarks across three model sizes and two languages";
    String longer = base + ", with $\\alpha$-stable noise and na\u00efve baselines.";
    Files.writeString(dir.resolve("papers.jsonl"), "{\"id\": \"j-1\", \"title\": \"Sparse Heads in Code Models\", "
        + "\"abstract\": \"" + longer.replace("\\", "\\\\") + "\", \"authors\": [\"Alex Kim\"], \"year\": 2024}\n");
    Files.writeString(dir.resolve("a.txt"), page("Alex Kim", "Sparse Heads in Code Models", base + "."));
    Files.writeString(dir.resolve("b.txt"), page("Alex Kim", "Sparse Attention Heads in Models of Code", base + " too."));
    Corpus c = ingest(List.of(dir)).corpus();

    assertTrue(c.papers() instanceof Corpus.BuiltOnDemand, "the collection's abstract was put aside");
    assertEquals(1, c.papers().size(), "b.txt's paper is a version: its abstract matches the spilled one");
    Paper p = c.papers().get(0);
    assertEquals(1, p.versions().size());
    assertEquals("j-1", p.id());
    assertEquals(base + ", with α-stable noise and naïve baselines.", p.abstractText(), "the longest abstract, read back");
    assertEquals(longer, p.rawAbstract());
  }

  static String page(String name, String title, String abstractText) {
    return "Researcher profile\n\n" + name + "\n\nTagline.\n\nTrust 5 - NewVerification L0Unclaimed author\n1works\n"
        + "0followers\n1topics\n0close collaborators\n\nPublished work\n\n1 published item(s)\n\npreprint2025arXiv\n\n"
        + title + "\n\n" + abstractText + "\n";
  }
}
