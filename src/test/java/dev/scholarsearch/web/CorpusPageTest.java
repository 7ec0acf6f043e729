package dev.scholarsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.http.ApiFixture;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page on real conference papers, not the kind seeds: counts people can read at 10^4-10^5
 * papers, author facets that stay ten short lines however many authors there are, and a screenshot.
 * It reads the real corpus from {@code ../shared/corpora/conference-papers-86k.jsonl.gz}
 * ({@code -Dcorpus.file=...}), skipping with a message when it is absent. The suite indexes its
 * first 5,000 papers, a fast guard; the whole corpus is a documented command:
 * {@code ./mvnw test -Dtest=CorpusPageTest -Dcorpus.papers=all} (or {@code -Dcorpus.index=DIR} for
 * an index built before). The time to the first rendered results is printed, not asserted: the
 * machine is shared (docs/BENCHMARKS.md has the figures).
 */
class CorpusPageTest {
  static final Path CORPUS = Path.of(System.getProperty("corpus.file", "../shared/corpora/conference-papers-86k.jsonl.gz"));

  @TempDir
  static Path dir;
  static ApiFixture api;
  static ChromeDriver driver;
  static WebDriverWait wait;
  static int papers;

  @BeforeAll
  static void start() throws IOException {
    String existing = System.getProperty("corpus.index", "");
    Assumptions.assumeTrue(!existing.isEmpty() || Files.isRegularFile(CORPUS),
        "CorpusPageTest needs the real corpus at " + CORPUS.toAbsolutePath() + " (or -Dcorpus.file=...)");
    if (!existing.isEmpty()) {
      api = ApiFixture.existing(Path.of(existing));
    } else {
      String wanted = System.getProperty("corpus.papers", "5000");
      Path slice = dir.resolve("corpus/papers.jsonl");
      papers = slice(wanted.equals("all") ? Integer.MAX_VALUE : Integer.parseInt(wanted), slice);
      api = new ApiFixture(dir.resolve("idx"), List.of(slice.getParent()), Duration.ofSeconds(5));
    }
    driver = Browser.start(dir.resolve("chrome"));
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (api != null) {
      api.close();
    }
  }

  /**
   * Where the browser goes: the test's own server, or with {@code -Dcorpus.url=http://127.0.0.1:7070}
   * a {@code scholar serve} of its own JVM (the test's server shares its JVM with the test, which
   * slows its answers on a 2-core machine).
   */
  static String page(String pathAndQuery) {
    String base = System.getProperty("corpus.url", "");
    return base.isEmpty() ? api.uri(pathAndQuery).toString() : base + pathAndQuery;
  }

  /** The first {@code n} lines of the corpus, as they are. */
  static int slice(int n, Path out) throws IOException {
    Files.createDirectories(out.getParent());
    int lines = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(CORPUS)),
        StandardCharsets.UTF_8)); BufferedWriter w = Files.newBufferedWriter(out)) {
      for (String line; lines < n && (line = in.readLine()) != null; lines++) {
        w.write(line);
        w.newLine();
      }
    }
    return lines;
  }

  @Test
  void reportsHowFastTheFirstResultsRender() throws IOException {
    // The first load meets a cold server (its first query compiles); a user's next visit does not:
    // a server that has answered a few dozen searches (here 32) is what most visits meet.
    visit("cold");
    for (String q : new String[] {"graph", "neural networks", "reinforcement learning", "image segmentation", "bandits",
        "graph neural networks", "language models", "optimization"}) {
      for (int i = 0; i < 2; i++) {
        driver.get(page("/api/search?limit=10&facetLimit=0&q=" + q.replace(' ', '+')));
        driver.get(page("/api/search?limit=1&q=" + q.replace(' ', '+')));
      }
    }
    for (int i = 0; i < 3; i++) {
      visit("warm");
    }
    Browser.screenshot(driver, "corpus-search");
  }

  private static void visit(String server) {
    {
      driver.get(page("/?q=graph+neural+networks"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".results .result h3 a")));
      Object ms = driver.executeScript("const m = performance.getEntriesByName('first-render')[0]; "
          + "const n = performance.getEntriesByType('navigation')[0]; "
          + "const r = performance.getEntriesByType('resource').map(e => "
          + "e.name.replace(/^.*\\/api\\//, '').slice(0, 12) + ' ' + Math.round(e.startTime) + '-' + Math.round(e.responseEnd)).join(', '); "
          + "return (m ? Math.round(m.startTime) : -1) + ' ms (page loaded after ' + Math.round(n.responseEnd) + ' ms; ' + r + ')';");
      System.out.printf("CorpusPageTest: %s server, first results rendered %s, %s%n", server, ms,
          papers > 0 ? papers + " real papers" : "index " + System.getProperty("corpus.index"));
    }
  }

  @Test
  void resultsAndFacetsStayReadableAtScale() {
    driver.get(page("/?q=graph+neural+networks"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".results .result h3 a")));

    String status = driver.findElement(By.id("status")).getText();
    assertTrue(status.matches("[\\d,]+ papers? for “graph neural networks”"), status);
    long total = Long.parseLong(status.substring(0, status.indexOf(' ')).replace(",", ""));
    assertTrue(total > 100, status);
    assertTrue(total < 1000 || status.contains(","), "a large count has its thousands separated: " + status);
    assertEquals(10, driver.findElements(By.cssSelector(".results .result")).size());

    // However many authors the corpus has, the facet is a short list of names that fit their column.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-facet=author] li")));
    List<WebElement> authors = driver.findElements(By.cssSelector("[data-facet=author] li"));
    assertTrue(authors.size() >= 5 && authors.size() <= 10, authors.size() + " author values");
    for (WebElement a : authors) {
      WebElement label = a.findElement(By.cssSelector(".label"));
      assertFalse(label.getText().isBlank());
      Number overflow = (Number) driver.executeScript("return arguments[0].scrollWidth - arguments[0].clientWidth;", label);
      assertTrue(overflow.intValue() <= 1, "'" + label.getText() + "' fits its column");
      String count = a.findElement(By.cssSelector(".count")).getText();
      assertTrue(count.matches("≈?[\\d,]+"), count);
    }
  }
}
