package dev.scholarsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code $ curl …} example of README.md, run as written (curl piped through the same jq
 * filter, by bash) against a server on the seed index with vectors, must print what the README
 * shows. This is what keeps the README from drifting: change a response and this test names the
 * example to update.
 *
 * <p>Matching rules, because some output is not the code's to fix: the build time and the index's
 * bytes on disk are masked; an expected line ending in "..." or holding "…" needs only its start to
 * appear; a decimal may differ by 0.005 (or 0.5 %, or one in the last decimal shown), since ONNX
 * Runtime's int8 kernels give similarities that differ in the third decimal from one CPU to another.
 * Counts, ids, titles and order must match exactly.
 */
class ReadmeExamplesTest {
  /** One example: where it starts in the README, the command, and the output shown under it. */
  record Example(int line, String command, String expected) {}

  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
  private static final List<Pattern> VOLATILE = List.of(
      Pattern.compile("\"builtAt\":\"[^\"]*\""), Pattern.compile("\"indexBytes\":\\d+"));

  @TempDir
  static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws IOException {
    boolean tools = onPath("curl") && onPath("jq");
    if (!tools && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI must have curl and jq for the README examples; .ci/run installs them");
    }
    Assumptions.assumeTrue(tools, "the README example test needs curl and jq on the PATH (apt-get install curl jq)");
    api = ApiFixture.seedsWithVectors(dir.resolve("idx"));
  }

  @AfterAll
  static void stop() throws IOException {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void everyCurlExampleOfTheReadmePrintsWhatItShows() throws Exception {
    List<Example> examples = examples(Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8));
    assertTrue(examples.size() >= 10, "README examples found: " + examples.size());
    List<String> differ = new ArrayList<>();
    for (Example e : examples) {
      String got = mask(run(e.command().replace("localhost:7070", "127.0.0.1:" + api.app.port())));
      if (!matches(mask(e.expected()), got)) {
        differ.add("README line " + e.line() + ": " + e.command() + "\nexpected:\n" + e.expected() + "\ngot:\n" + got);
      }
    }
    assertEquals("", String.join("\n\n", differ), differ.size() + " of " + examples.size() + " README examples differ");
  }

  /** The matching rules themselves, on made-up output, so a loosened rule cannot pass unnoticed. */
  @Test
  void toleranceCoversTheThirdDecimalOnly() {
    assertTrue(close("{\"similarity\":0.5764239}", "{\"similarity\":0.5771}"));
    assertTrue(close("similarity 0.57)", "similarity 0.58)"));
    assertTrue(!close("similarity 0.57)", "similarity 0.59)"));
    assertTrue(!close("{\"total\":3}", "{\"total\":4}"));
    assertTrue(!close("\"id\":\"p-1\"", "\"id\":\"p-2\""));
    assertTrue(matches("/api/health\n/api/openapi.json\n...", "/api/health\n/api/openapi.json\n/api/papers"));
    assertTrue(!matches("/api/health\n...", "/api/papers\n/api/health"));
  }

  static List<Example> examples(List<String> lines) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); ) {
      if (!lines.get(i).startsWith("$ curl")) {
        i++;
        continue;
      }
      int start = i;
      StringBuilder cmd = new StringBuilder(lines.get(i).substring(2));
      i++;
      while (cmd.toString().endsWith("\\") && i < lines.size()) {
        cmd.setLength(cmd.length() - 1);
        cmd.append(' ').append(lines.get(i++).strip());
      }
      List<String> shown = new ArrayList<>();
      while (i < lines.size() && !lines.get(i).startsWith("$ ") && !lines.get(i).startsWith("```")) {
        shown.add(lines.get(i++));
      }
      out.add(new Example(start + 1, cmd.toString(), String.join("\n", shown).stripTrailing()));
    }
    return out;
  }

  static String run(String command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("README example did not finish in 60 s: " + command);
    }
    return out.stripTrailing();
  }

  static String mask(String text) {
    String out = text;
    for (Pattern p : VOLATILE) {
      out = p.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group().replaceAll(":.*", ":…")));
    }
    return out;
  }

  /** The README's conventions for shortened output: a trailing "..." or a "…" inside a line. */
  static boolean matches(String expected, String got) {
    if (expected.endsWith("...")) {
      String head = expected.substring(0, expected.length() - 3);
      return close(head, got.substring(0, Math.min(got.length(), head.length())));
    }
    if (expected.replace(":…", "").contains("…")) {
      List<String> gotLines = got.lines().toList();
      return expected.lines().allMatch(line -> {
        String start = line.split("…", -1)[0].stripTrailing();
        return gotLines.stream().anyMatch(g -> close(start, g.substring(0, Math.min(g.length(), start.length()))));
      });
    }
    return close(expected, got);
  }

  /** Equal, but for decimal numbers within the tolerance. */
  static boolean close(String expected, String got) {
    Matcher e = DECIMAL.matcher(expected);
    Matcher g = DECIMAL.matcher(got);
    int ei = 0;
    int gi = 0;
    while (true) {
      boolean ef = e.find();
      boolean gf = g.find();
      if (ef != gf) {
        return false;
      }
      if (!ef) {
        return expected.substring(ei).equals(got.substring(gi));
      }
      if (!expected.substring(ei, e.start()).equals(got.substring(gi, g.start()))) {
        return false;
      }
      String a = e.group();
      double want = Double.parseDouble(a);
      double tolerance = Math.max(0.005, Math.max(0.005 * Math.abs(want),
          1.01 * Math.pow(10, -(a.length() - a.indexOf('.') - 1))));
      if (Math.abs(want - Double.parseDouble(g.group())) > tolerance) {
        return false;
      }
      ei = e.end();
      gi = g.end();
    }
  }

  static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}
