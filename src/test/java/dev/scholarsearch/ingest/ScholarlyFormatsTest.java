package dev.scholarsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.model.Author;
import dev.scholarsearch.model.Identifier;
import dev.scholarsearch.model.Listing;
import dev.scholarsearch.model.ProfilePage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The formats scholarly data comes in, read from fixtures under {@code src/test/resources/formats}
 * built from each format's documentation (OpenAlex's work object, Semantic Scholar's paper object
 * and papers dataset rows, BibTeX and RIS as reference managers export them), each with a few
 * broken records.
 */
class ScholarlyFormatsTest {
  static final Path FORMATS = Path.of("src/test/resources/formats");

  static List<String> keys(Listing l) {
    return l.ids().stream().map(Identifier::key).toList();
  }

  static Map<String, Listing> byTitle(List<Listing> ls) {
    return ls.stream().collect(Collectors.toMap(Listing::title, Function.identity()));
  }

  @Test
  void readsOpenAlexWorksFromTheSnapshotShape() throws IOException {
    List<Listing> got = new ArrayList<>();
    JsonlPaperReader.Result r = new JsonlPaperReader().read(FORMATS.resolve("openalex-works.jsonl"), got::add);
    assertEquals(3, got.size());
    Listing oa = got.get(0);
    assertEquals("W2741809807", oa.externalId());
    assertEquals("The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles", oa.title());
    assertEquals("Despite growing interest in Open Access (OA) to scholarly literature, there is an unmet need for"
        + " large-scale, up-to-date, and reproducible studies assessing the prevalence of OA.", oa.abstractText(),
        "the abstract is rebuilt word by word from its inverted index");
    assertEquals(LocalDate.of(2018, 2, 13), oa.date());
    assertEquals(2018, oa.year());
    assertEquals("PeerJ", oa.venue());
    assertEquals("article", oa.type());
    assertEquals("https://doi.org/10.7717/peerj.4375", oa.url());
    assertEquals(List.of("scientometrics and bibliometrics research", "Open Access and Scholarly Publishing"), oa.categories());
    assertEquals(List.of("doi:10.7717/peerj.4375", "openalex:W2741809807"), keys(oa));
    assertEquals(List.of("Heather Piwowar", "Jason Priem", "Yang Yang"), oa.authorNames());
    assertEquals(List.of("openalex:A5048491430", "orcid:0000-0003-1613-5981"),
        oa.authors().get(0).ids().stream().map(Identifier::key).toList());
    assertEquals(List.of("openalex:A5001111111"), oa.authors().get(2).ids().stream().map(Identifier::key).toList());

    Listing photonic = got.get(1);
    assertEquals(List.of("doi:10.1364/prj.433188", "arxiv:2102.11388", "openalex:W3184470535"), keys(photonic),
        "the DOI lower-cased, and the arXiv id taken from the arxiv.org location");
    assertEquals(List.of("Photonics"), photonic.categories(), "older records' concepts, the low-scored ones left out");
    assertEquals("", photonic.abstractText(), "an index with two words at one position is no abstract");
    assertEquals(List.of("Yang Yang"), photonic.authorNames(), "the author with no name is left out");
    assertEquals("", got.get(2).abstractText(), "an index with a hole is no abstract");

    assertEquals(List.of(2L, 2L, 3L), r.warnings().stream().map(JsonlPaperReader.LineWarning::line).toList());
    assertEquals("abstract_inverted_index gives two words at position 2; the abstract is left out",
        r.warnings().get(0).reason());
    assertEquals("authorships[1] has no name; left out", r.warnings().get(1).reason());
    assertEquals("abstract_inverted_index has no word at position 1 (1 of 3 missing); the abstract is left out",
        r.warnings().get(2).reason());
    assertEquals(List.of(4L, 5L), r.errors().stream().map(JsonlPaperReader.LineError::line).toList());
    assertEquals("field 'publication_year' must be a four-digit year, got 'twenty twenty'", r.errors().get(0).reason());
    assertTrue(r.errors().get(1).reason().startsWith("not valid JSON at column"), r.errors().get(1).reason());
  }

  @Test
  void readsAnOpenAlexApiPageRecordByRecord() throws IOException {
    List<Listing> got = new ArrayList<>();
    RecordsRead r = new JsonFileReader().read(FORMATS.resolve("openalex-page.json"), got::add);
    assertEquals(2, r.records());
    assertEquals(1, got.size());
    Listing l = got.get(0);
    assertEquals("Graph neural networks for citation recommendation", l.title(), "display_name stands in for title");
    assertEquals("We recommend citations with graph networks.", l.abstractText());
    assertEquals("Journal of Informetrics", l.venue());
    assertEquals(List.of("Citation analysis"), l.categories());
    assertEquals("openalex-page.json#0", l.source());
    assertEquals(List.of("openalex-page.json: results[1]: OpenAlex work has no OpenAlex id in 'id'"
        + " (like https://openalex.org/W2741809807)"), r.skipped().stream().map(Object::toString).toList());
  }

  @Test
  void readsSemanticScholarApiObjectsAndDatasetRows() throws IOException {
    List<Listing> got = new ArrayList<>();
    JsonlPaperReader.Result r = new JsonlPaperReader().read(FORMATS.resolve("s2-papers.jsonl"), got::add);
    assertEquals(3, got.size());
    Listing api = got.get(0);
    assertEquals("649def34f8be52c8b66281af98ae884c09aef38b", api.externalId());
    assertEquals(List.of("doi:10.5555/shared.doi.1", "s2:649def34f8be52c8b66281af98ae884c09aef38b"), keys(api));
    assertEquals(List.of("Computer Science"), api.categories(), "fieldsOfStudy and s2FieldsOfStudy, each once");
    assertEquals("JournalArticle", api.type());
    assertEquals(LocalDate.of(2023, 5, 4), api.date());
    assertEquals(List.of(new Author("J. Smith", List.of(Identifier.parse(Identifier.Kind.SEMANTIC_SCHOLAR, "1741101").orElseThrow())),
        new Author("Wei Wang", List.of(Identifier.parse(Identifier.Kind.SEMANTIC_SCHOLAR, "2200000").orElseThrow()))), api.authors());

    Listing row = got.get(1);
    assertEquals("CorpusId:118000001", row.externalId(), "a dataset row has a corpus id, not a paperId");
    assertEquals(List.of("arxiv:2102.11388", "s2:CorpusId:118000001"), keys(row));
    assertEquals(List.of("Physics"), row.categories());
    assertEquals(2021, row.year());
    assertEquals("", row.abstractText(), "papers rows carry no abstract");

    assertEquals(List.of("John Smith"), got.get(2).authorNames());
    assertEquals("authors[0] has no name (s2:99); left out", r.warnings().get(0).reason());
    assertEquals(List.of(4L), r.errors().stream().map(JsonlPaperReader.LineError::line).toList());
    assertEquals("Semantic Scholar paper has neither 'paperId' nor 'corpusid'", r.errors().get(0).reason());
  }

  @Test
  void readsBibtexAsReferenceManagersExportIt() throws IOException {
    List<Listing> got = new ArrayList<>();
    String text = Files.readString(FORMATS.resolve("library.bib"), StandardCharsets.UTF_8);
    RecordsRead r = new BibtexReader().read("library.bib", text, got::add);
    Map<String, Listing> by = byTitle(got);
    assertEquals(4, got.size(), by.keySet().toString());

    Listing gnn = by.get("Graph Neural Networks for Citation Recommendation");
    assertEquals("Journal of Informetrics", gnn.venue(), "an @string macro");
    assertEquals(List.of("John Smith", "Yang Yang"), gnn.authorNames(), "'Last, First' turned around");
    assertEquals(List.of("doi:10.5555/shared.doi.1"), keys(gnn), "the doi.org prefix dropped");
    assertEquals(List.of("citation recommendation", "graph neural networks"), gnn.keywords());
    assertEquals(2023, gnn.year());
    assertEquals("article", gnn.type());

    Listing kernels = by.get("Learning with Kernels: Support Vector Machines, Regularization, and Beyond");
    assertEquals(List.of("Bernhard Schölkopf", "Pál Erdős", "François Chêne", "The Barnes and Noble Team"),
        kernels.authorNames(), "accents, both name orders, and 'and' inside braces kept in one name");
    assertTrue(kernels.authorsTruncated(), "'and others'");
    assertEquals("Kernel methods map data into high-dimensional feature spaces, where linear methods apply.",
        kernels.abstractText(), "a multi-line field, its LaTeX cleaned");
    assertEquals("Proceedings of the 18th International Conference on Machine Learning", kernels.venue());
    assertEquals("proceedings-article", kernels.type());
    assertEquals(2001, kernels.year(), "a bare number");
    assertEquals("https://example.org/kernels", kernels.url());

    assertEquals(List.of("arxiv:2102.11388"), keys(by.get("Silicon photonic neural networks for classification")),
        "eprint with archivePrefix arXiv");
    assertEquals("Still read.", by.get("The entry after the broken one").abstractText());

    assertEquals(List.of("library.bib:34 (broken2020): unbalanced braces: a '{' is never closed",
        "library.bib:47 (notitle): entry has no title"), r.skipped().stream().map(Object::toString).toList());
    assertEquals(6, r.records(), "the @string is no record; the e-mail in the comment starts none");
  }

  @Test
  void readsRisWithContinuationLinesAndReportsBrokenRecords() throws IOException {
    List<Listing> got = new ArrayList<>();
    String text = Files.readString(FORMATS.resolve("library.ris"), StandardCharsets.UTF_8);
    RecordsRead r = new RisReader().read("library.ris", text, got::add);
    assertEquals(3, got.size());
    Listing first = got.get(0);
    assertEquals("Teaching retrieval with small test collections", first.title());
    assertEquals(List.of("John Smith", "Ann Lee"), first.authorNames());
    assertEquals("We teach information retrieval evaluation with CACM and small relevance sets.", first.abstractText(),
        "a line without a tag continues the one before");
    assertEquals(LocalDate.of(2022, 3, 15), first.date());
    assertEquals("SIGIR Forum", first.venue());
    assertEquals(List.of("doi:10.5555/mine.1"), keys(first));
    assertEquals(List.of("teaching", "evaluation"), first.keywords());
    assertEquals("https://example.org/teaching", first.url());
    assertEquals("article", first.type());
    assertEquals(List.of("Jürgen Müller"), got.get(1).authorNames());
    assertEquals("proceedings-article", got.get(1).type());
    assertEquals("The last record, read in full", got.get(2).title());
    assertEquals(List.of("library.ris:22: record has no title (TI or T1)",
        "library.ris:27: record has no 'ER  -' before the next 'TY  -'"), r.skipped().stream().map(Object::toString).toList());
  }

  @Test
  void bibtexSurvivesWhatItCannotRead() {
    List<Listing> got = new ArrayList<>();
    String text = "@article{a, title={Open {brace}\n@article{b, title = \"Unclosed quote\n@article{c, title={Fine}}\n"
        + "@article{d title={No comma}}\n@article{e, title}\n@article{f, title={Last, and fine}, author={A and and B}}";
    RecordsRead r = new BibtexReader().read("x.bib", text, got::add);
    assertEquals(List.of("Fine", "No comma", "Last, and fine"), got.stream().map(Listing::title).toList());
    assertEquals(List.of("x.bib:1 (a)", "x.bib:2 (b)", "x.bib:5 (e)"), r.skipped().stream().map(p -> p.where()).toList());
    assertEquals(List.of("A", "B"), got.get(2).authorNames());
  }

  @Test
  void ourJsonlTakesAuthorsAsObjectsWithIds() throws IOException {
    List<Listing> got = new ArrayList<>();
    JsonlPaperReader.Result r = new JsonlPaperReader().read(FORMATS.resolve("authors.jsonl"), got::add);
    Listing first = got.get(0);
    assertEquals(List.of("John Smith", "Ann Lee"), first.authorNames());
    assertEquals(List.of("orcid:0000-0003-3333-3333", "id:jsmith"),
        first.authors().get(0).ids().stream().map(Identifier::key).toList());
    assertEquals(List.of(), first.authors().get(1).ids(), "a plain string stays a name-only author");
    assertEquals(List.of("doi:10.5555/mine.1"), keys(first));
    assertEquals(List.of("Y. Yang", "Ann Lee"), got.get(2).authorNames(), "the author with no name is left out");
    assertEquals(List.of("author 2 has no name (id:ghost); left out", "author 3: 'not-an-orcid' is not an ORCID; ignored"),
        r.warnings().stream().map(JsonlPaperReader.LineWarning::reason).toList());
  }

  @Test
  void aProfilePageShowingAnOrcidCarriesIt() throws Exception {
    ProfilePageParser parser = new ProfilePageParser(new ReferenceDate(LocalDate.of(2026, 12, 1)));
    ProfilePage page = parser.parse("p.txt", Files.readString(FORMATS.resolve("profile-with-orcid.txt")));
    assertEquals(List.of("orcid:0000-0001-7777-7777"), page.ids().stream().map(Identifier::key).toList());
    try (var seeds = Files.list(Path.of("seeds"))) {
      for (Path p : seeds.toList()) {
        assertEquals(List.of(), parser.parse(p.toString(), Files.readString(p)).ids(), p + " shows no ORCID");
      }
    }
  }

  @Test
  void identifiersAreNormalisedOrRefused() {
    assertEquals("doi:10.1364/prj.433188", Identifier.parse(Identifier.Kind.DOI, "https://dx.doi.org/10.1364/PRJ.433188").orElseThrow().key());
    assertEquals("doi:10.1234/x", Identifier.parse(Identifier.Kind.DOI, "doi: 10.1234/X.").orElseThrow().key());
    assertEquals("arxiv:2102.11388", Identifier.parse(Identifier.Kind.ARXIV, "arXiv:2102.11388v3").orElseThrow().key());
    assertEquals("arxiv:hep-th/9901001", Identifier.parse(Identifier.Kind.ARXIV, "https://arxiv.org/abs/hep-th/9901001").orElseThrow().key());
    assertEquals("orcid:0000-0002-1825-009X", Identifier.parse(Identifier.Kind.ORCID, "https://orcid.org/0000-0002-1825-009x").orElseThrow().key());
    assertEquals("openalex:W2741809807", Identifier.parse(Identifier.Kind.OPENALEX, "https://openalex.org/w2741809807").orElseThrow().key());
    assertEquals("arxiv:2102.11388", Identifier.findArxiv("arXiv preprint arXiv:2102.11388v2").orElseThrow().key());
    assertEquals("arxiv:2102.11388", Identifier.findArxiv("https://arxiv.org/pdf/2102.11388v2.pdf").orElseThrow().key());
    assertTrue(Identifier.findArxiv("https://doi.org/10.1364/PRJ.433188").isEmpty());
    assertTrue(Identifier.parse(Identifier.Kind.DOI, "not a doi").isEmpty());
    assertTrue(Identifier.parse(Identifier.Kind.ORCID, "0000-0002-1825").isEmpty());
    assertTrue(Identifier.parse(Identifier.Kind.ARXIV, " ").isEmpty());
    assertEquals("https://www.semanticscholar.org/author/1741101",
        Identifier.parse(Identifier.Kind.SEMANTIC_SCHOLAR, "1741101").orElseThrow().url(true));
    assertEquals("https://api.semanticscholar.org/CorpusId:118000001",
        Identifier.parse(Identifier.Kind.SEMANTIC_SCHOLAR, "corpusid:118000001").orElseThrow().url(false));
  }
}
