package dev.scholarsearch.reliability;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.ingest.BibtexReader;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.JsonlPaperReader;
import dev.scholarsearch.ingest.RecordsRead;
import dev.scholarsearch.ingest.ReferenceDate;
import dev.scholarsearch.ingest.RisReader;
import dev.scholarsearch.model.Listing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scholarly-format readers on mangled copies of the fixtures (bytes cut, deleted, duplicated,
 * braces and quotes dropped or doubled): nothing is thrown, every problem has a reason, and an
 * untouched file read alongside the mangled ones is read whole.
 */
class FormatFuzzTest {
  private static final int CASES = Integer.getInteger("fuzz.cases", 1500) / 3;
  private static final Path FORMATS = Path.of("src/test/resources/formats");

  static String mangle(String text, SplittableRandom r) {
    StringBuilder sb = new StringBuilder(text);
    for (int n = 1 + r.nextInt(6); n > 0 && !sb.isEmpty(); n--) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(6)) {
        case 0 -> sb.setLength(at); // cut off
        case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(40)));
        case 2 -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + r.nextInt(200))));
        case 3 -> sb.insert(at, "{}\"@[],:\n\\".charAt(r.nextInt(10)));
        case 4 -> sb.setCharAt(at, (char) r.nextInt(0x3000));
        default -> sb.insert(at, "\n@article{x,\n");
      }
    }
    return sb.toString();
  }

  @Test
  void bibtexAndRisReadersNeverThrowOnMangledFiles() throws Exception {
    String bib = Files.readString(FORMATS.resolve("library.bib"));
    String ris = Files.readString(FORMATS.resolve("library.ris"));
    SplittableRandom r = new SplittableRandom(20261202L);
    for (int i = 0; i < CASES; i++) {
      String b = mangle(bib, r);
      String s = mangle(ris, r);
      List<Listing> got = new ArrayList<>();
      RecordsRead rb = assertDoesNotThrow(() -> new BibtexReader().read("f.bib", b, got::add), b);
      RecordsRead rs = assertDoesNotThrow(() -> new RisReader().read("f.ris", s, got::add), s);
      for (RecordsRead rr : List.of(rb, rs)) {
        rr.skipped().forEach(p -> assertFalse(p.reason().isBlank(), p.toString()));
      }
      got.forEach(l -> assertFalse(l.title().isBlank(), l.toString()));
    }
  }

  @Test
  void openAlexAndSemanticScholarLinesNeverThrow(@TempDir Path dir) throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(FORMATS.resolve("openalex-works.jsonl")));
    lines.addAll(Files.readAllLines(FORMATS.resolve("s2-papers.jsonl")));
    SplittableRandom r = new SplittableRandom(20261203L);
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < CASES; i++) {
      file.append(mangle(lines.get(r.nextInt(lines.size())), r).replace('\n', ' ')).append('\n');
    }
    Path f = dir.resolve("mangled.jsonl");
    Files.writeString(f, file);
    JsonlPaperReader.Result res = assertDoesNotThrow(() -> new JsonlPaperReader().read(f, l -> {}));
    res.errors().forEach(e -> assertFalse(e.reason().isBlank(), e.toString()));
    assertTrue(res.errors().size() < CASES, "some mangled lines are still records");
  }

  @Test
  void aMangledLibraryCostsNothingElse(@TempDir Path dir) throws Exception {
    SplittableRandom r = new SplittableRandom(20261204L);
    Files.writeString(dir.resolve("bad.bib"), mangle(Files.readString(FORMATS.resolve("library.bib")), r));
    Files.writeString(dir.resolve("bad.ris"), mangle(Files.readString(FORMATS.resolve("library.ris")), r));
    Files.write(dir.resolve("bad.json"), new byte[] {'{', '"', 'r', (byte) 0xff});
    Files.copy(FORMATS.resolve("openalex-page.json"), dir.resolve("good.json"));
    var result = new Ingester(new ReferenceDate(LocalDate.of(2026, 12, 1)), s -> {}).ingest(List.of(dir));
    assertTrue(result.corpus().papers().stream().anyMatch(p -> p.title().equals("Graph neural networks for citation recommendation")),
        "the good file is read whole");
    assertTrue(result.report().skipped().stream().anyMatch(p -> p.where().startsWith("bad.json")), result.report().summary());
  }
}
