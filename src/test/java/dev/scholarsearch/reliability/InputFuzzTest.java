package dev.scholarsearch.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.scholarsearch.TestData;
import dev.scholarsearch.ingest.DecodedText;
import dev.scholarsearch.ingest.IngestReport;
import dev.scholarsearch.ingest.Ingester;
import dev.scholarsearch.ingest.InvalidInputException;
import dev.scholarsearch.ingest.JsonlPaperReader;
import dev.scholarsearch.ingest.ProfilePageParser;
import dev.scholarsearch.ingest.ReferenceDate;
import dev.scholarsearch.model.Corpus;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of the real seed pages and of JSONL lines. Invariants: nothing but a
 * reasoned {@link InvalidInputException} ever leaves the parsers, and in a mixed run every good
 * file is still indexed completely. {@code -Dfuzz.cases=N} runs more cases locally.
 */
class InputFuzzTest {
  private static final int CASES = Integer.getInteger("fuzz.cases", 1500);
  private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
  static List<String> seeds = new ArrayList<>();

  @BeforeAll
  static void readSeeds() throws Exception {
    try (var files = Files.list(TestData.seeds())) {
      for (Path p : files.sorted().toList()) {
        seeds.add(Files.readString(p));
      }
    }
  }

  /** One of the mutation kinds from the reliability issue, chosen and parameterised by {@code r}. */
  static byte[] mutate(String page, SplittableRandom r) {
    List<String> lines = new ArrayList<>(List.of(page.split("\n", -1)));
    int kind = r.nextInt(12);
    switch (kind) {
      case 0 -> lines = lines.subList(0, r.nextInt(lines.size() + 1)); // truncated at a line
      case 1 -> Collections.shuffle(lines, new java.util.Random(r.nextLong()));
      case 2 -> {
        for (int i = 0; i < 1 + r.nextInt(10); i++) {
          int at = r.nextInt(lines.size());
          lines.add(at, lines.get(r.nextInt(lines.size())));
        }
      }
      case 3 -> lines.removeIf(l -> (l.equals("Published work") || l.matches("\\d+ Papers") || l.equals("Researcher profile"))
          && r.nextBoolean());
      case 4 -> {
        byte[] garbage = new byte[1 + r.nextInt(4096)];
        for (int i = 0; i < garbage.length; i++) {
          garbage[i] = (byte) r.nextInt(256);
        }
        return r.nextBoolean() ? garbage : concat(page.substring(0, r.nextInt(page.length())).getBytes(StandardCharsets.UTF_8), garbage);
      }
      case 5 -> {
        return new byte[0];
      }
      case 6 -> {
        return page.getBytes(r.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
      }
      case 7 -> {
        return page.replace("e", "é").getBytes(Charset.forName("ISO-8859-1"));
      }
      case 8 -> {
        int depth = 1 + r.nextInt(20_000);
        String braces = r.nextBoolean() ? "{".repeat(depth) : "\\emph{".repeat(depth) + "x" + "}".repeat(r.nextInt(depth + 1));
        int at = r.nextInt(lines.size());
        lines.set(at, lines.get(at) + braces);
      }
      case 9 -> lines.replaceAll(l -> l.replaceAll("^\\d+ Papers$", "99999999 Papers").replaceAll("^(\\d+)works$", "99999999999works"));
      case 10 -> lines.replaceAll(l -> r.nextInt(10) == 0 ? l.substring(0, r.nextInt(l.length() + 1)) : l);
      default -> {
        int at = r.nextInt(lines.size());
        lines.set(at, lines.get(at) + "$".repeat(r.nextInt(50)) + "\\".repeat(r.nextInt(50)) + "\r\u0000\uFEFF");
      }
    }
    return String.join(r.nextBoolean() ? "\n" : "\r\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void pageParserNeverThrowsAnythingButAReason() {
    ProfilePageParser parser = new ProfilePageParser(new ReferenceDate(TestData.REFERENCE));
    SplittableRandom r = new SplittableRandom(SEED);
    int parsed = 0;
    int rejected = 0;
    for (int i = 0; i < CASES; i++) {
      byte[] bytes = mutate(seeds.get(r.nextInt(seeds.size())), r);
      try {
        parser.parse("case-" + i, DecodedText.decode(bytes).text());
        parsed++;
      } catch (InvalidInputException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "case " + i + ": a rejection names its reason");
        rejected++;
      } catch (RuntimeException | StackOverflowError e) {
        fail("case " + i + " (seed " + SEED + ") threw " + e, e);
      }
    }
    assertEquals(CASES, parsed + rejected);
    assertTrue(parsed > CASES / 4 && rejected > CASES / 20, parsed + " parsed, " + rejected + " rejected");
  }

  @Test
  void jsonlReaderReportsEveryBadLineAndKeepsTheGoodOnes(@TempDir Path dir) throws Exception {
    SplittableRandom r = new SplittableRandom(SEED + 1);
    List<String> good = Files.readAllLines(TestData.cacm("corpus.jsonl")).subList(0, 400);
    StringBuilder file = new StringBuilder();
    int goodCount = 0;
    int badCount = 0;
    for (int i = 0; i < CASES; i++) {
      String line = good.get(r.nextInt(good.size()));
      if (r.nextInt(3) == 0) {
        // The id stays intact (not required to) but the rest is cut, doubled or garbled.
        line = switch (r.nextInt(4)) {
          case 0 -> line.substring(0, 1 + r.nextInt(line.length() - 1));
          case 1 -> line.replace("\"title\"", "\"titel\"");
          case 2 -> line.replace("\"authors\": [", "\"authors\": 7, \"x\": [");
          default -> "\u0000" + line.substring(r.nextInt(line.length()));
        };
        badCount++;
      } else {
        line = line.replace("\"cacm-", "\"f" + i + "-");
        goodCount++;
      }
      file.append(line).append('\n');
    }
    Path f = dir.resolve("fuzz.jsonl");
    Files.writeString(f, file.toString());
    List<String> ids = new ArrayList<>();
    JsonlPaperReader.Result result = new JsonlPaperReader().read(f, l -> ids.add(l.externalId()));
    assertEquals(CASES, result.linesRead());
    assertEquals(CASES, ids.size() + result.errors().size(), "every line is either read or reported");
    assertEquals(goodCount, ids.stream().filter(id -> id.startsWith("f")).count(), "every good line is read");
    assertTrue(result.errors().size() <= badCount);
    result.errors().forEach(e -> assertTrue(e.line() >= 1 && e.line() <= CASES && !e.reason().isBlank()));
  }

  @Test
  void mixedRunIndexesEveryGoodFileCompletely(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    for (Path p : Files.list(TestData.seeds()).toList()) {
      Files.copy(p, in.resolve(p.getFileName()));
    }
    SplittableRandom r = new SplittableRandom(SEED + 2);
    for (int i = 0; i < 200; i++) {
      Files.write(in.resolve("bad-" + i + ".txt"), mutate(seeds.get(r.nextInt(seeds.size())), r));
    }
    Files.write(in.resolve("huge-line.txt"), ("Researcher profile\n\nBig Line\n\n" + "x".repeat(20 << 20)).getBytes(StandardCharsets.UTF_8));
    Files.write(in.resolve("empty.txt"), new byte[0]);
    long heapBefore = usedHeap();
    Ingester.Result result = new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(List.of(in));
    long heapAfter = usedHeap();
    Corpus c = result.corpus();
    IngestReport rep = result.report();
    // Every paper of every real seed page is there, whatever the mutated copies did: under its own
    // title, or as a version of a paper a garbled copy was merged with.
    Ingester.Result clean = new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(List.of(TestData.seeds()));
    java.util.Set<String> titles = new java.util.HashSet<>();
    c.papers().forEach(q -> {
      titles.add(q.title());
      q.versions().forEach(v -> titles.add(v.title()));
    });
    for (var p : clean.corpus().papers()) {
      assertTrue(titles.contains(p.title()), "lost " + p.title());
      assertTrue(c.papers().stream().anyMatch(q -> q.sources().containsAll(p.sources())), "sources of " + p.title());
    }
    assertEquals(207, rep.filesRead());
    assertTrue(rep.skipped().stream().anyMatch(s -> s.where().equals("empty.txt")), rep.skipped().toString());
    assertTrue(rep.skipped().stream().allMatch(s -> !s.reason().isBlank()));
    assertTrue(heapAfter - heapBefore < 512L << 20, "a 20 MB line must not cost a huge heap: " + ((heapAfter - heapBefore) >> 20) + " MiB");
  }

  private static long usedHeap() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  @Test
  void unreadableFilesAndSymlinkLoopsAreReportedNotHung(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in.resolve("sub"));
    Files.copy(TestData.seed("002_"), in.resolve("good.txt"));
    Files.createSymbolicLink(in.resolve("sub").resolve("loop"), in);
    Path locked = in.resolve("locked.txt");
    Files.writeString(locked, "Researcher profile\n");
    boolean canLock = locked.toFile().setReadable(false) && !Files.isReadable(locked); // root can read anything
    Ingester.Result r = new Ingester(new ReferenceDate(TestData.REFERENCE), s -> {}).ingest(List.of(in));
    assertEquals(2, r.corpus().papers().size(), "good.txt is indexed");
    assertTrue(r.report().skipped().stream().anyMatch(s -> s.reason().contains("symbolic link loop")), r.report().skipped().toString());
    if (canLock) {
      assertTrue(r.report().skipped().stream().anyMatch(s -> s.reason().contains("not readable")), r.report().skipped().toString());
    }
  }
}
