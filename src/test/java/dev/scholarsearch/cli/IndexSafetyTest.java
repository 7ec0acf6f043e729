package dev.scholarsearch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.TestData;
import dev.scholarsearch.index.IndexManifest;
import dev.scholarsearch.index.IndexStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's index is never replaced unasked: not when its inputs vanish, not when it cannot be read,
 * and never by the sample corpus. Every index here is lexical-only: what is tested is what gets
 * rebuilt, not how.
 */
class IndexSafetyTest {
  /** The first 300 CACM papers, as a user's own collection. */
  private static Path mine(Path dir) throws IOException {
    Path mine = dir.resolve("mine.jsonl");
    Files.write(mine, Files.readAllLines(TestData.cacm("corpus.jsonl")).subList(0, 300));
    return mine;
  }

  private static IndexManifest manifest(Path idx) {
    return IndexStatus.of(idx).readableManifest().orElseThrow();
  }

  /** {@code serve}'s preparation, as ServeCommand runs it, with what it printed. */
  private static CliRunner.Run ensureServable(Path idx) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new RebuildService(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).ensureServable(idx);
    return new CliRunner.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aVanishedInputLeavesTheIndexAsItIsAndIndexSaysWhy(@TempDir Path dir) throws IOException {
    Path mine = mine(dir);
    Path idx = dir.resolve("my-index");
    CliRunner.Run built = CliRunner.run("index", mine.toString(), "--index", idx.toString(), "--no-vectors", "-q");
    assertEquals(0, built.code(), built.err());
    assertEquals(300, manifest(idx).papers());
    Files.delete(mine);

    IndexStatus status = IndexStatus.of(idx);
    assertInstanceOf(IndexStatus.InputsMissing.class, status);
    assertEquals(List.of(mine), ((IndexStatus.InputsMissing) status).missing());

    for (String[] args : List.of(new String[] {"index", "--index", idx.toString(), "--no-vectors"},
        new String[] {"index", "--index", idx.toString(), "--full"},
        new String[] {"index", TestData.seeds().toString(), "--index", idx.toString()})) {
      CliRunner.Run refused = CliRunner.run(args);
      assertEquals(1, refused.code(), String.join(" ", args) + ": " + refused.err());
      assertTrue(refused.err().contains("inputs that are gone or unreadable: " + mine), refused.err());
      assertTrue(refused.err().contains("Nothing was changed") && refused.err().contains("--replace"), refused.err());
    }

    CliRunner.Run serve = ensureServable(idx);
    assertEquals(0, serve.code(), "serve goes on with the index it has: " + serve.err());
    assertEquals(1, serve.err().lines().filter(l -> l.startsWith("warning:")).count(), serve.err());
    assertTrue(serve.err().contains(mine.toString()) && serve.err().contains("serving the index as it is"), serve.err());

    IndexManifest after = manifest(idx);
    assertEquals(300, after.papers(), "still the user's 300 papers, not the 42 seed papers");
    assertEquals(List.of(mine.toString()), after.inputs());

    CliRunner.Run replaced = CliRunner.run("index", "--replace", TestData.seeds().toString(), "--index", idx.toString(),
        "--no-vectors", "-q");
    assertEquals(0, replaced.code(), replaced.err());
    assertEquals(42, manifest(idx).papers(), "told to, it starts over");
  }

  @Test
  void aRebuildWithNoInputsUsesTheRememberedOnesAndNeverTheSeeds(@TempDir Path dir) throws IOException {
    Path mine = mine(dir);
    Path idx = dir.resolve("idx");
    assertEquals(0, CliRunner.run("index", mine.toString(), "--index", idx.toString(), "--no-vectors", "-q").code());
    for (String flag : new String[] {"--full", "--quiet"}) {
      CliRunner.Run again = CliRunner.run("index", "--index", idx.toString(), "--no-vectors", flag);
      assertEquals(0, again.code(), again.err());
      assertEquals(List.of(mine.toString()), manifest(idx).inputs(), flag);
      assertEquals(300, manifest(idx).papers(), flag);
      assertTrue(again.out().contains("papers:            300"), again.out());
    }
    CliRunner.Run serve = ensureServable(idx);
    assertEquals(0, serve.code(), serve.err());
    assertEquals(List.of(mine.toString()), manifest(idx).inputs());
  }

  @Test
  void anUnreadableIndexIsNeverRebuiltUnasked(@TempDir Path dir) throws IOException {
    Path idx = dir.resolve("idx");
    assertEquals(0, CliRunner.run("index", TestData.seeds().toString(), "--index", idx.toString(), "--no-vectors", "-q")
        .code());
    Path segments;
    try (var files = Files.list(idx)) {
      segments = files.filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
    }
    byte[] damaged = Files.readAllBytes(segments);
    for (int i = 8; i < damaged.length; i += 7) {
      damaged[i] ^= 0x5a;
    }
    Files.write(segments, damaged);
    assertInstanceOf(IndexStatus.Unreadable.class, IndexStatus.of(idx));

    for (String cmd : new String[] {"index", "stats", "search"}) {
      CliRunner.Run r = cmd.equals("search") ? CliRunner.run("search", "learning", "--index", idx.toString())
          : CliRunner.run(cmd, "--index", idx.toString());
      assertEquals(1, r.code(), cmd + ": " + r.err());
      assertTrue(r.err().contains("cannot be read") && r.err().contains("It was left as it is"), cmd + ": " + r.err());
      assertTrue(r.err().contains("--replace"), cmd + ": " + r.err());
    }
    CliRunner.Run serve = ensureServable(idx);
    assertEquals(1, serve.code(), serve.err());
    assertTrue(serve.err().contains("cannot be read"), serve.err());
    assertArrayEquals(damaged, Files.readAllBytes(segments), "the damaged commit is left for the user to look at");

    CliRunner.Run replaced = CliRunner.run("index", "--replace", TestData.seeds().toString(), "--index", idx.toString(),
        "--no-vectors", "-q");
    assertEquals(0, replaced.code(), replaced.err());
    assertEquals(42, manifest(idx).papers());
  }

  /** {@code index} of the seeds into {@code index}, run once as it is and once with --replace. */
  private static List<CliRunner.Run> seedsIntoWithAndWithoutReplace(Path index) {
    List<String> plain = List.of("index", "--no-vectors", "-q", "--index", index.toString(), TestData.seeds().toString());
    List<String> replace = new java.util.ArrayList<>(plain);
    replace.add(1, "--replace");
    return List.of(CliRunner.run(plain.toArray(String[]::new)), CliRunner.run(replace.toArray(String[]::new)));
  }

  /** {@code serve --index index}, which builds the seeds into a directory without an index; it must refuse, not serve. */
  private static CliRunner.Run serveOn(Path index) {
    return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> CliRunner.run("serve", "--port", "0", "--index", index.toString()));
  }

  /** --index naming a file: said so, with or without --replace, and the file is left as it was. */
  @Test
  void anIndexPathThatIsAFileIsRefusedAndLeftAlone(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "my notes");
    for (CliRunner.Run r : seedsIntoWithAndWithoutReplace(file)) {
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains(file + " is a file, not an index directory"), r.err());
      assertEquals("my notes", Files.readString(file));
    }
    CliRunner.Run served = serveOn(file);
    assertEquals(2, served.code(), served.err());
    assertTrue(served.err().contains(file + " is a file, not an index directory"), served.err());
    assertEquals("my notes", Files.readString(file));
  }

  /** A directory of one's own files is not made an index, with or without --replace, nor by serve; an empty one is. */
  @Test
  void aDirectoryOfOtherFilesIsNotMadeAnIndex(@TempDir Path dir) throws IOException {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("README.md"), "mine");
    Files.createDirectories(docs.resolve("sub"));
    List<CliRunner.Run> runs = new java.util.ArrayList<>(seedsIntoWithAndWithoutReplace(docs));
    runs.add(serveOn(docs)); // it built the seeds in among them before
    for (CliRunner.Run r : runs) {
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("holds no index but other files (README.md, sub/)"), r.err());
      try (var left = Files.list(docs)) {
        assertEquals(2, left.count());
      }
    }
    // Commands that only read an index do not advise building one where it would be refused.
    CliRunner.Run search = CliRunner.run("search", "x", "--index", docs.toString());
    assertEquals(1, search.code(), search.err());
    assertTrue(search.err().contains("which holds other files (README.md, sub/)")
        && search.err().contains("scholar index --index NEW_DIR"), search.err());
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve(".gitkeep"), "");
    assertEquals(0, CliRunner.run("index", "--no-vectors", "-q", "--index", empty.toString(),
        TestData.seeds().toString()).code());
  }

  @Test
  void aMistypedInputOrABareReplaceChangesNothing(@TempDir Path dir) throws IOException {
    Path mine = mine(dir);
    Path idx = dir.resolve("idx");
    assertEquals(0, CliRunner.run("index", mine.toString(), "--index", idx.toString(), "--no-vectors", "-q").code());
    String before = manifest(idx).fingerprint();

    CliRunner.Run typo = CliRunner.run("index", dir.resolve("mine.jsonll").toString(), "--index", idx.toString());
    assertEquals(2, typo.code(), typo.err());
    assertTrue(typo.err().contains("no such input: " + dir.resolve("mine.jsonll")), typo.err());

    CliRunner.Run bare = CliRunner.run("index", "--replace", "--index", idx.toString());
    assertEquals(2, bare.code(), bare.err());
    assertTrue(bare.err().contains("--replace starts the index over from the inputs given, and none was given"), bare.err());
    assertEquals(before, manifest(idx).fingerprint());
  }

  @Test
  void aDirectoryWithNoIndexIsTheOnlyCaseThatDefaultsToTheSeeds(@TempDir Path dir) {
    Path idx = dir.resolve("fresh");
    assertInstanceOf(IndexStatus.Missing.class, IndexStatus.of(idx));
    CliRunner.Run first = CliRunner.run("index", "--index", idx.toString(), "--no-vectors", "-q");
    assertEquals(0, first.code(), first.err());
    assertEquals(List.of(TestData.seeds().toString()), manifest(idx).inputs());
    assertInstanceOf(IndexStatus.Ready.class, IndexStatus.of(idx));
  }
}
