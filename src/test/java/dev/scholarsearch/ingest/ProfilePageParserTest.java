package dev.scholarsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.TestData;
import dev.scholarsearch.model.Listing;
import dev.scholarsearch.model.MetricsStats;
import dev.scholarsearch.model.PageLayout;
import dev.scholarsearch.model.ProfilePage;
import dev.scholarsearch.model.TrustStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expectations worked out by reading the seed pages. */
class ProfilePageParserTest {
  private final ProfilePageParser parser = new ProfilePageParser(new ReferenceDate(TestData.REFERENCE));

  private ProfilePage seed(String prefix) throws Exception {
    var file = TestData.seed(prefix);
    return parser.parse(file.getFileName().toString(), DecodedText.decode(Files.readAllBytes(file)).text());
  }

  @Test
  void layoutAPageHasEveryField() throws Exception {
    ProfilePage p = seed("000_");
    assertEquals(PageLayout.TRUST_PROFILE, p.layout());
    assertEquals("Siqi Zhu", p.name());
    assertEquals("Siqi Zhu contributes to research discovery and scholarly infrastructure.", p.tagline());
    assertEquals(new TrustStats(21, "Emerging", "L1", "Unclaimed author", 6, 0, 4, 4), p.stats());
    assertEquals(6, p.listings().size());
    assertEquals(List.of(), p.warnings());

    Listing first = p.listings().get(0);
    assertEquals("Agentic AI Systems Should Be Designed as Marginal Token Allocators", first.title());
    assertEquals("preprint", first.type());
    assertEquals(2026, first.year());
    assertEquals("arXiv", first.venue());
    assertNull(first.date());
    assertEquals(List.of("Siqi Zhu"), first.authorNames());
    assertTrue(first.authorsTruncated(), "layout A prints no author line, so the list is incomplete");
    assertTrue(first.rawAbstract().contains("\\emph{marginal token allocation economies}"));
    assertTrue(first.abstractText().startsWith("This position paper argues that agentic AI systems should be designed and "
        + "evaluated as marginal token allocation economies rather than"), first.abstractText());
    assertTrue(first.abstractText().endsWith("risk-adjusted RL budgeting."));
    assertEquals("000_338b29866162c2a4.txt#1", first.source());
  }

  @Test
  void layoutAPagesOfOtherResearchers() throws Exception {
    ProfilePage qiu = seed("002_");
    assertEquals("Zihan Qiu", qiu.name());
    assertEquals(new TrustStats(13, "Unverified", "L1", "Unclaimed author", 2, 0, 3, 4), qiu.stats());
    assertEquals(List.of("SlimQwen: Exploring the Pruning and Distillation in Large MoE Model Pre-training",
        "The Cancellation Hypothesis in Critic-Free RL: From Outcome Rewards to Token Credits"),
        qiu.listings().stream().map(Listing::title).toList());

    ProfilePage ruqi = seed("004_");
    assertEquals(new TrustStats(21, "Emerging", "L1", "Unclaimed author", 8, 0, 5, 4), ruqi.stats());
    assertEquals(List.of(2026, 2026, 2026, 2022, 2022, 2020, 2020, 2020), ruqi.listings().stream().map(Listing::year).toList());
    Listing abc = ruqi.listings().get(1);
    assertEquals("Analytical Correction for Subsampling Bias in Drifting Models", abc.title());
    assertTrue(abc.abstractText().contains("reduces the bias from O(1/n) to O(1/n^2)"), abc.abstractText());
  }

  @Test
  void layoutBPageHasEveryField() throws Exception {
    ProfilePage p = seed("001_");
    assertEquals(PageLayout.METRICS_PROFILE, p.layout());
    assertEquals("Siqi Zhu", p.name());
    assertEquals(new MetricsStats("cs.AI", 25, 15, 300, 55, 59, 15), p.stats());
    assertEquals(15, p.listings().size());
    assertEquals(List.of(), p.warnings());

    Listing longWriter = p.listings().get(0);
    assertEquals("LongWriter: Unleashing 10,000+ Word Generation from Long Context LLMs", longWriter.title());
    assertEquals(List.of("cs.CL"), longWriter.categories());
    assertEquals(LocalDate.of(2024, 8, 13), longWriter.date());
    assertTrue(longWriter.hasCode());
    assertNull(longWriter.score());
    assertEquals(List.of("Yushi Bai", "Jiajie Zhang", "Xin Lv", "Siqi Zhu"), longWriter.authorNames(),
        "the owner is added when 'et al.' cuts them off");
    assertTrue(longWriter.authorsTruncated());
    assertEquals("tsinghua", longWriter.affiliation());
    assertTrue(longWriter.abstractText().startsWith("Current long context large language models (LLMs) can process"));

    Listing exam = p.listings().get(2);
    assertEquals("Agents' Last Exam", exam.title());
    assertEquals(96.9, exam.score());
    assertEquals(List.of("cs.AI"), exam.categories());
    assertEquals(LocalDate.of(2026, 6, 3), exam.date(), "'Jun 3' without a year resolves against the reference date");
    assertFalse(exam.hasCode());

    Listing alone = p.listings().get(3);
    assertEquals(List.of("Siqi Zhu"), alone.authorNames());
    assertFalse(alone.authorsTruncated());
    assertEquals(29.4, alone.score());
    assertTrue(alone.abstractText().contains("Agents are not labor; they are a production technology that converts "
        + "compute capital K_c into effective units of cognitive labor L_A."), alone.abstractText());

    Listing federated = p.listings().get(4);
    assertEquals(List.of("Siqi Zhu", "Joshua D. Kaggie"), federated.authorNames());
    assertEquals(LocalDate.of(2026, 1, 9), federated.date());

    Listing mesh = p.listings().get(7);
    assertEquals("Mesh-Attention: A New Communication-Efficient Distributed Attention with Improved Data Locality", mesh.title());
    assertEquals(List.of("cs.DC"), mesh.categories());
    assertEquals(LocalDate.of(2025, 12, 24), mesh.date());
    assertEquals(List.of("Sirui Chen", "Jingji Chen", "Siqi Zhu"), mesh.authorNames());
  }

  @Test
  void secondLayoutBPage() throws Exception {
    ProfilePage p = seed("003_");
    assertEquals("Lizhu Zhang", p.name());
    assertEquals(new MetricsStats("cs.CL", 12, 17, 147, 64, 58, 17), p.stats());
    assertEquals(17, p.listings().size());
    Listing rec = p.listings().get(1);
    assertEquals("Efficient Sequential Recommendation for Long Term User Interest Via Personalization", rec.title());
    assertEquals(List.of("cs.IR"), rec.categories());
    assertEquals(LocalDate.of(2026, 1, 7), rec.date());
    assertTrue(rec.hasCode());
    assertTrue(rec.abstractText().endsWith("Source code is available at https://github.com/facebookresearch/PerSRec."),
        rec.abstractText());
    assertTrue(rec.rawAbstract().contains("\\href{https://github.com/facebookresearch/PerSRec}"));
  }

  @Test
  void datesWithoutYearResolveToTheLatestDayNotAfterTheReference() throws Exception {
    var file = TestData.seed("001_");
    String text = DecodedText.decode(Files.readAllBytes(file)).text();
    ProfilePage early = new ProfilePageParser(new ReferenceDate(LocalDate.of(2026, 5, 1))).parse("x", text);
    assertEquals(LocalDate.of(2025, 6, 3), early.listings().get(2).date(), "Jun 3 is in the future on 2026-05-01");
    assertEquals(LocalDate.of(2024, 8, 13), early.listings().get(0).date(), "explicit years are kept");
  }

  @Test
  void crlfBomAndTrailingSpacesParseLikeTheOriginal() throws Exception {
    var file = TestData.seed("001_");
    String original = Files.readString(file);
    String mangled = "\uFEFF" + original.replace("\n", "  \r\n").replace("\r\n\r\n", "\r\n\r\n\r\n");
    ProfilePage a = parser.parse("x", DecodedText.decode(original.getBytes(StandardCharsets.UTF_8)).text());
    ProfilePage b = parser.parse("x", DecodedText.decode(mangled.getBytes(StandardCharsets.UTF_8)).text());
    assertEquals(a, b);
  }

  @Test
  void countMismatchIsAWarning() throws Exception {
    var file = TestData.seed("001_");
    String text = Files.readString(file).replace("15 Papers", "16 Papers");
    ProfilePage p = parser.parse("x", text);
    assertEquals(15, p.listings().size());
    assertTrue(p.warnings().stream().anyMatch(w -> w.contains("declares 16 papers") && w.contains("15 were parsed")), p.warnings().toString());
  }

  @Test
  void absurdCountsDoNotOverflow() throws Exception {
    String text = Files.readString(TestData.seed("003_")).replace("17 Papers", "99999999999 Papers");
    ProfilePage p = parser.parse("x", text);
    assertEquals(17, p.listings().size());
    assertFalse(p.warnings().isEmpty());
  }

  @Test
  void notAProfilePageIsRejectedWithAReason() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> parser.parse("notes.txt", "Shopping list\nmilk\neggs\n"));
    assertTrue(e.getMessage().startsWith("not a profile page"), e.getMessage());
    assertTrue(e.getMessage().contains("Shopping list"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> parser.parse("empty.txt", "\n \n"));
    assertThrows(InvalidInputException.class, () -> parser.parse("a.txt", "Researcher profile\n"));
  }

  @Test
  void layoutAWithoutPublishedWorkIsRejected() throws Exception {
    String text = Files.readString(TestData.seed("002_")).replace("Published work", "Something else");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> parser.parse("x", text));
    assertTrue(e.getMessage().contains("Published work"), e.getMessage());
  }

  @Test
  void itemWithoutTitleIsSkippedWithAWarning() throws Exception {
    String text = "Lee Example\nCL\nh-index3\n2papers\n10citations\nNovelty5%\nAI Score9\n\n2 Papers\n\n"
        + "CLJan 2, 2024\n\nLGFeb 3, 2024\nA Real Title\n\nLee Example, Ann Other\n\nAn abstract.\n";
    ProfilePage p = parser.parse("x", text);
    assertEquals(1, p.listings().size());
    assertEquals("A Real Title", p.listings().get(0).title());
    assertEquals(List.of("Lee Example", "Ann Other"), p.listings().get(0).authorNames());
    assertTrue(p.warnings().stream().anyMatch(w -> w.contains("has no title")), p.warnings().toString());
  }

  @Test
  void impossibleDatesAreWarnedNotFatal() throws Exception {
    String text = "Lee Example\nCL\nh-index3\n1 Papers\n\nCLFeb 31\nTitle\n\nLee Example\n\nText.\n";
    ProfilePage p = parser.parse("x", text);
    assertEquals(1, p.listings().size());
    assertNull(p.listings().get(0).date());
    assertTrue(p.warnings().stream().anyMatch(w -> w.contains("impossible date")), p.warnings().toString());
  }

  @Test
  void authorLineVariants() {
    AuthorLine a = AuthorLine.parse("Yixing Chen, Yiding Wang, Siqi Zhu et al. · pku");
    assertEquals(List.of("Yixing Chen", "Yiding Wang", "Siqi Zhu"), a.names());
    assertTrue(a.truncated());
    assertEquals("pku", a.affiliation());
    AuthorLine b = AuthorLine.parse("Siqi Zhu, David Zhang and Pedro Cisneros-Velarde");
    assertEquals(List.of("Siqi Zhu", "David Zhang", "Pedro Cisneros-Velarde"), b.names());
    assertFalse(b.truncated());
  }

  @Test
  void everySeedPageParsesWithoutWarnings() throws IOException {
    try (var files = Files.list(TestData.seeds())) {
      for (var f : files.sorted().toList()) {
        try {
          ProfilePage p = parser.parse(f.getFileName().toString(), DecodedText.decode(Files.readAllBytes(f)).text());
          assertEquals(List.of(), p.warnings(), f.toString());
          assertEquals(p.stats().declaredPaperCount(), p.listings().size(), f.toString());
        } catch (InvalidInputException e) {
          throw new AssertionError(f + ": " + e.getMessage(), e);
        }
      }
    }
  }
}
