package dev.scholarsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.Paper;
import dev.scholarsearch.model.Researcher;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * People kept apart by identity and papers merged by identifier, over every fixture format read
 * together as one run of {@code index} reads them: OpenAlex, Semantic Scholar, BibTeX, RIS, our
 * JSONL with author objects, and a profile page that shows its owner's ORCID.
 */
class ResearcherIdentityTest {
  static Corpus corpus;
  static IngestReport report;

  @BeforeAll
  static void ingest() {
    Ingester.Result r = new Ingester(new ReferenceDate(LocalDate.of(2026, 12, 1)), s -> {})
        .ingest(List.of(ScholarlyFormatsTest.FORMATS));
    corpus = r.corpus();
    report = r.report();
  }

  static List<Researcher> named(String name) {
    return corpus.researchers().stream().filter(x -> x.name().equals(name)).toList();
  }

  static Set<String> keys(Researcher r) {
    return r.ids().stream().map(Identifier::key).collect(Collectors.toCollection(TreeSet::new));
  }

  static Paper paper(String title) {
    return corpus.papers().stream().filter(p -> p.title().equalsIgnoreCase(title)).findFirst().orElseThrow(() -> new AssertionError(title));
  }

  static Set<String> titles(Researcher r) {
    return corpus.papers().stream().filter(p -> r.paperIds().contains(p.id())).map(Paper::title)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void namesakesWithDifferentIdsStayApart() {
    List<Researcher> yangs = named("Yang Yang");
    // OpenAlex A5001111111; OpenAlex A5002222222 with an ORCID, the same person as Semantic Scholar's
    // 3300001 on the same (arXiv-merged) paper; and the two JSONL ids on one paper.
    assertEquals(List.of("[id:yy-biology]", "[id:yy-photonics]", "[openalex:A5001111111]",
        "[openalex:A5002222222, orcid:0000-0002-2222-2222, s2:3300001]"),
        yangs.stream().map(y -> keys(y).toString()).sorted().toList());
    assertEquals(4, yangs.stream().map(Researcher::id).distinct().count());
    Paper twoYangs = paper("Photonic accelerators for sparse attention");
    assertEquals(2, twoYangs.authors().stream().map(a -> a.researcherId()).distinct().count(),
        "two Yang Yangs on one paper are two authors: " + twoYangs.authors());
  }

  @Test
  void oneIdUnderNameVariantsIsOneResearcherListingThem() {
    Researcher bio = corpus.researchers().stream().filter(r -> keys(r).equals(Set.of("id:yy-biology"))).findFirst().orElseThrow();
    assertEquals("Yang Yang", bio.name());
    assertEquals(List.of("Yang Yang", "Y. Yang"), bio.nameVariants());
    assertEquals(Set.of("Cell atlases at scale", "Photonic accelerators for sparse attention"), titles(bio));
  }

  @Test
  void anOrcidLinksPeopleAcrossSources() {
    List<Researcher> smiths = named("John Smith");
    assertEquals(1, smiths.size(), smiths.toString());
    Researcher smith = smiths.get(0);
    // The ORCID joins OpenAlex's A5003333333 and the JSONL's jsmith; the paper OpenAlex and
    // Semantic Scholar both list joins Semantic Scholar's "J. Smith" (1741101).
    assertEquals(Set.of("openalex:A5003333333", "orcid:0000-0003-3333-3333", "id:jsmith", "s2:1741101"), keys(smith));
    assertEquals(List.of("John Smith", "J. Smith"), smith.nameVariants());
    assertEquals(Set.of("Graph Neural Networks for Citation Recommendation", "Teaching retrieval with small test collections",
        "An author with no name"), titles(smith), "the title of the fullest listing (Semantic Scholar's, with its abstract)");

    Researcher zhu = named("Siqi Zhu").get(0);
    assertTrue(zhu.hasProfile());
    assertEquals(Set.of("orcid:0000-0001-7777-7777"), keys(zhu), "the ORCID the page shows");
    assertTrue(titles(zhu).contains("Scholarly infrastructure for research discovery"),
        "'S. Zhu' with the page's ORCID in a JSONL file is the page's owner");
    assertEquals(List.of("Siqi Zhu", "S. Zhu"), zhu.nameVariants());
  }

  @Test
  void nameOnlyAuthorsKeepTodaysBehaviour() {
    List<Researcher> lees = named("Ann Lee");
    assertEquals(1, lees.size());
    assertEquals(Set.of(), keys(lees.get(0)));
    assertEquals("ann-lee", lees.get(0).id());
    assertEquals(4, lees.get(0).paperIds().size());
  }

  @Test
  void aPaperFromSeveralSourcesIsOnePaper() {
    Paper gnn = paper("Graph neural networks for citation recommendation");
    assertEquals(List.of("library.bib:4", "openalex-page.json#0", "s2-papers.jsonl:1"), gnn.sources().stream().sorted().toList());
    assertEquals(List.of("doi:10.5555/shared.doi.1", "openalex:W4000000010", "s2:649def34f8be52c8b66281af98ae884c09aef38b"),
        gnn.ids().stream().map(Identifier::key).toList());
    assertEquals(List.of("citation recommendation", "graph neural networks"), gnn.keywords());
    assertEquals(3, gnn.authors().size(), "John Smith, Yang Yang and Wei Wang, each once: " + gnn.authors());

    Paper photonic = paper("Silicon photonic neural networks for classification");
    assertEquals(3, photonic.sources().size(), "OpenAlex, Semantic Scholar and BibTeX by arXiv id: " + photonic.sources());
    assertEquals(Set.of("doi:10.1364/prj.433188", "arxiv:2102.11388", "openalex:W3184470535", "s2:CorpusId:118000001"),
        photonic.ids().stream().map(Identifier::key).collect(Collectors.toSet()));

    Paper teaching = paper("Teaching retrieval with small test collections");
    assertEquals(2, teaching.sources().size(), "JSONL and RIS by DOI, written in two cases: " + teaching.sources());
    long teachingCopies = corpus.papers().stream().filter(p -> p.title().equals(teaching.title())).count();
    assertEquals(1, teachingCopies);
  }

  @Test
  void badRecordsAreReportedWithWhereAndTheRestIndexed() {
    List<String> skipped = report.skipped().stream().map(Object::toString).toList();
    List<String> warnings = report.warnings().stream().map(Object::toString).toList();
    assertTrue(warnings.contains("authors.jsonl:3: author 2 has no name (id:ghost); left out"), warnings.toString());
    assertTrue(warnings.contains("openalex-works.jsonl:3: abstract_inverted_index has no word at position 1 (1 of 3 missing);"
        + " the abstract is left out"), warnings.toString());
    assertTrue(skipped.contains("openalex-page.json: results[1]: OpenAlex work has no OpenAlex id in 'id'"
        + " (like https://openalex.org/W2741809807)"), skipped.toString());
    assertTrue(skipped.contains("library.bib:34 (broken2020): unbalanced braces: a '{' is never closed"), skipped.toString());
    assertTrue(skipped.contains("openalex-works.jsonl:4: field 'publication_year' must be a four-digit year, got 'twenty twenty'"));
    assertEquals(8, skipped.size(), skipped.toString());
    assertEquals(19, corpus.papers().size());
    assertTrue(report.summary().contains("researchers:       15 (1 with a profile; 0 profile pages merged into another;"
        + " 9 known by an identifier)"), report.summary());
  }
}
