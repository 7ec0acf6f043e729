package dev.scholarsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scholarsearch.http.ApiFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web page in a real headless Chromium over the seed pages: the whole flow a person goes through. */
class WebPageTest {
  @TempDir
  static Path dir;
  static ApiFixture api;
  static ChromeDriver driver;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    Path pages = dir.resolve("pages");
    Files.createDirectories(pages);
    try (var seeds = Files.list(dev.scholarsearch.TestData.seeds())) {
      for (Path p : seeds.toList()) {
        Files.copy(p, pages.resolve(p.getFileName()));
      }
    }
    // A hostile page: its title and abstract carry markup that must show as text, never run.
    Files.writeString(pages.resolve("evil.txt"), "Researcher profile\n\nMallory Evil\n\nTagline.\n\n"
        + "Trust 1 - NewVerification L0Unclaimed author\n1works\n0followers\n0topics\n0close collaborators\n\n"
        + "Published work\n\n1 published item(s)\n\npreprint2025arXiv\n\n<script>alert(1)</script> Injection study\n\n"
        + "We study injection <img src=x onerror=alert(2)> attacks in search engines.\n");
    driver = Browser.start(dir.resolve("chrome"));
    api = new ApiFixture(dir.resolve("idx"), List.of(pages), Duration.ofSeconds(5));
    // The page re-renders its view on every navigation (back included), so an element found in one
    // poll can be replaced before the next call on it; such a poll is retried, never a failure.
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (api != null) {
      api.close();
    }
  }

  private static void open(String pathAndQuery) {
    driver.get(api.uri(pathAndQuery).toString());
  }

  private static String status() {
    return driver.findElement(By.id("status")).getText();
  }

  private static void waitStatus(String text) {
    wait.until(ExpectedConditions.textToBe(By.id("status"), text));
  }

  private static void search(String text) {
    WebElement q = driver.findElement(By.id("q"));
    q.clear();
    q.sendKeys(text, Keys.ENTER);
  }

  @Test
  void searchFacetPaperSimilarResearcherAndExperts() throws Exception {
    open("/");
    waitStatus("43 papers");
    search("reinforcement learning");
    waitStatus("23 papers for “reinforcement learning”");
    assertTrue(driver.getCurrentUrl().contains("q=reinforcement+learning"), driver.getCurrentUrl());
    List<WebElement> results = driver.findElements(By.cssSelector(".results .result"));
    assertEquals(10, results.size());
    assertEquals("OpenTinker: Separating Concerns in Agentic Reinforcement Learning",
        results.get(0).findElement(By.cssSelector("h3 a")).getText());
    assertFalse(results.get(0).findElements(By.cssSelector(".snippet mark")).isEmpty(), "query terms are highlighted");
    // A suggestion requested while typing must not open once Enter has searched (it did, over the
    // first results, when its answer came after them: a race this check meets only sometimes).
    Thread.sleep(500);
    assertFalse(driver.findElement(By.id("suggestions")).isDisplayed(), "Enter searched; no suggestions over the results");
    Browser.screenshot(driver, "search");

    // Facet on, chip shown, facet off.
    // The facet counts arrive after the results, in a request of their own.
    By csCl = By.cssSelector("[data-facet=category] button[data-value=\"cs.CL\"]");
    wait.until(ExpectedConditions.elementToBeClickable(csCl)).click();
    waitStatus("5 papers for “reinforcement learning”");
    assertTrue(driver.getCurrentUrl().contains("category=cs.CL"));
    wait.until(ExpectedConditions.attributeToBe(csCl, "aria-pressed", "true"));
    assertTrue(driver.findElement(By.cssSelector(".chips .chip")).getText().contains("category: cs.CL"));
    Browser.screenshot(driver, "search-filtered");
    driver.navigate().back();
    waitStatus("23 papers for “reinforcement learning”");
    driver.navigate().forward();
    waitStatus("5 papers for “reinforcement learning”");
    driver.findElement(By.cssSelector(".chips .chip")).click();
    waitStatus("23 papers for “reinforcement learning”");

    // A reload restores the same view.
    driver.navigate().refresh();
    waitStatus("23 papers for “reinforcement learning”");

    // Open a paper, then one of its similar papers.
    driver.findElement(By.linkText("Mixture-of-Minds: Multi-Agent Reinforcement Learning for Table Understanding")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("article.paper h1"),
        "Mixture-of-Minds: Multi-Agent Reinforcement Learning for Table Understanding"));
    assertTrue(driver.findElement(By.cssSelector(".abstract")).getText().startsWith("Understanding and reasoning over tables"));
    assertEquals(List.of("Yuhang Zhou", "Mingrui Zhang", "Ke Li", "Lizhu Zhang"),
        driver.findElements(By.cssSelector("article.paper > .meta .authors a")).stream().map(WebElement::getText).toList());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".similar .result .why")));
    WebElement firstSimilar = driver.findElement(By.cssSelector(".similar .result h3 a"));
    assertTrue(driver.findElement(By.cssSelector(".similar .why")).getText().startsWith("Why: shares"));
    assertEquals("← Back to results for “reinforcement learning”", driver.findElement(By.id("back")).getText());
    WebElement article = driver.findElement(By.cssSelector("article.paper"));
    assertTrue(driver.findElement(By.cssSelector(".abstract")).getSize().getWidth() >= 0.95 * article.getSize().getWidth(),
        "the abstract takes the full width");
    for (WebElement source : driver.findElements(By.cssSelector(".sources li"))) {
      assertTrue(source.getText().matches(".+'s profile page \\((trust-score|metrics) layout\\), item \\d+"), source.getText());
    }
    Browser.screenshot(driver, "paper");
    String similarTitle = firstSimilar.getText();
    firstSimilar.click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("article.paper h1"), similarTitle));
    assertNotEquals("Mixture-of-Minds: Multi-Agent Reinforcement Learning for Table Understanding", similarTitle);
    // Two papers on, the way back still leads to the results as they were.
    driver.findElement(By.id("back")).click();
    waitStatus("23 papers for “reinforcement learning”");
    assertTrue(driver.getCurrentUrl().contains("q=reinforcement+learning"), driver.getCurrentUrl());
    // Written the pages' way in the URL, the filter still presses the one cs.CL facet value.
    open("/?q=reinforcement+learning&category=CL");
    waitStatus("5 papers for “reinforcement learning”");
    wait.until(ExpectedConditions.attributeToBe(csCl, "aria-pressed", "true"));
    driver.findElement(By.cssSelector(".results .result h3 a")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.paper h1")));
    driver.findElement(By.id("back")).click();
    waitStatus("5 papers for “reinforcement learning”");
    assertTrue(driver.getCurrentUrl().contains("category=CL"), "the filter is kept: " + driver.getCurrentUrl());

    // Open a researcher from the author links.
    open("/?view=paper&id=p-42e34a2bb8bb");
    wait.until(ExpectedConditions.textToBe(By.cssSelector("article.paper h1"), "Federated Learning and Class Imbalances"));
    driver.findElement(By.linkText("Siqi Zhu")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("article.researcher h1"), "Siqi Zhu"));
    assertEquals(2, driver.findElements(By.cssSelector(".profiles .card")).size(), "both profile pages");
    assertEquals(List.of("Trust-score profile page", "Metrics profile page"),
        driver.findElements(By.cssSelector(".profiles .card h3")).stream().map(WebElement::getText).toList());
    List<WebElement> figures = driver.findElements(By.cssSelector(".profiles dt"));
    assertTrue(figures.size() > 10, "both pages' figures");
    for (WebElement dt : figures) {
      assertFalse(dt.getAttribute("title").isBlank(), dt.getText() + " is explained on hover");
    }
    assertEquals(1, figures.stream().filter(dt -> dt.getText().startsWith("Papers")).count(),
        "the metrics page's paper count once, as it lists as many as it counts");
    assertEquals(15, driver.findElements(By.cssSelector("article.researcher .results .result")).size());
    assertEquals("Agents' Last Exam", driver.findElement(By.cssSelector("article.researcher .results .result h3")).getText());
    assertEquals(3, driver.findElements(By.cssSelector(".chart .bar")).size(), "2024, 2025, 2026");
    assertTrue(driver.findElement(By.cssSelector(".coauthors")).getText().contains("Yichao Fu (2 shared)"));
    Browser.screenshot(driver, "researcher");

    // Experts view.
    driver.findElement(By.id("tab-experts")).click();
    WebElement topic = wait.until(ExpectedConditions.elementToBeClickable(By.id("topic")));
    topic.clear();
    topic.sendKeys("stochastic gradient MCMC", Keys.ENTER);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("experts-count"), "researchers for “stochastic gradient MCMC”"));
    assertTrue(driver.findElement(By.id("experts-count")).getLocation().getY()
        > driver.findElement(By.cssSelector("#view h1")).getLocation().getY(), "the count is below the heading");
    assertTrue(driver.findElement(By.id("topic")).getSize().getWidth()
        >= 0.9 * driver.findElement(By.id("experts-form")).getSize().getWidth(), "the topic box is full width");
    assertEquals("any", driver.findElement(By.name("year")).getAttribute("placeholder"));
    WebElement top = driver.findElement(By.cssSelector(".experts .result"));
    assertEquals("Ruqi Zhang", top.findElement(By.cssSelector("h3 a")).getText());
    assertFalse(top.findElements(By.cssSelector(".scorebar div")).isEmpty());
    assertTrue(top.findElement(By.cssSelector(".evidence")).getText().contains("Stochastic Gradient"));
    assertTrue(top.findElement(By.cssSelector(".evidence li .why")).getText().startsWith("has stochastic, gradient, mcmc"),
        top.findElement(By.cssSelector(".evidence")).getText());
    assertTrue(top.findElement(By.cssSelector(".meta")).getText().matches("(?s).*\\d+ of \\d+ papers match.*"),
        top.findElement(By.cssSelector(".meta")).getText());
    Browser.screenshot(driver, "experts");
  }

  @Test
  void reportsHowFastTheFirstPageRenders() {
    // A measurement for docs, not a timing assertion: the machine is shared and noisy.
    open("/");
    waitStatus("43 papers");
    Object ms = driver.executeScript(
        "const m = performance.getEntriesByName('first-render')[0]; return m ? m.startTime : -1;");
    System.out.println("web: first page rendered with results " + ms + " ms after navigation start");
    assertTrue(((Number) ms).doubleValue() >= 0, "the page marks its first render");
  }

  @Test
  void suggestionsOpenWhatIsChosen() {
    open("/");
    waitStatus("43 papers");
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("siq");
    WebElement option = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions li")));
    assertTrue(option.getText().startsWith("Siqi Zhu"), option.getText());
    q.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
    wait.until(ExpectedConditions.textToBe(By.cssSelector("article.researcher h1"), "Siqi Zhu"));
  }

  @Test
  void emptyAndRefusedQueriesSayWhy() {
    open("/?q=zzzyyyxxx");
    waitStatus("0 papers for “zzzyyyxxx”");
    assertTrue(driver.findElement(By.cssSelector(".empty")).getText().contains("No papers match"));
    open("/?q=*ing");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".problem")));
    assertTrue(driver.findElement(By.cssSelector(".problem-message")).getText().contains("leading wildcards"));
    assertTrue(status().contains("leading wildcards"));
  }

  @Test
  void markupFromTheCorpusIsShownAsTextAndNeverRuns() {
    open("/?q=injection");
    waitStatus("1 paper for “injection”");
    WebElement title = driver.findElement(By.cssSelector(".result h3 a"));
    assertEquals("<script>alert(1)</script> Injection study", title.getText());
    assertTrue(driver.findElement(By.cssSelector(".snippet")).getText().contains("<img src=x onerror=alert(2)>"));
    assertTrue(driver.findElements(By.cssSelector("#view script, #view img")).isEmpty());
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
    title.click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("article.paper h1"), "<script>alert(1)</script> Injection study"));
    assertTrue(driver.findElements(By.cssSelector("#view script, #view img")).isEmpty());
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
  }

  @Test
  void theMatchSwitchAndWhyLabelsOnAnIndexWithVectors(@TempDir Path other) throws Exception {
    try (ApiFixture hybrid = ApiFixture.seedsWithVectors(other.resolve("idx"))) {
      String paraphrase = "tracking a person's posture via phones, watches, earphones they carry each day";
      driver.get(hybrid.uri("/?q=" + java.net.URLEncoder.encode(paraphrase, java.nio.charset.StandardCharsets.UTF_8))
          .toString());
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".results .why-tag")));
      WebElement mode = driver.findElement(By.id("mode"));
      assertEquals("hybrid", mode.getDomProperty("value"), "words + meaning is the default with vectors");
      assertTrue(driver.findElements(By.cssSelector(".results .why-semantic")).stream()
          .anyMatch(e -> e.getText().equals("close in meaning")), "a hit found only by meaning says so");
      Browser.screenshot(driver, "search-hybrid");

      new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("mode"))).selectByValue("semantic");
      wait.until(ExpectedConditions.urlContains("mode=semantic"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".results li:first-child h3"),
          "Human Motion Estimation with Everyday Wearables"));
      driver.navigate().back();
      wait.until(d -> "hybrid".equals(d.findElement(By.id("mode")).getDomProperty("value")));

      // The experts page has the same switch; by meaning alone, the motion paper's authors rank.
      driver.get(hybrid.uri("/?view=experts&mode=semantic&topic="
          + java.net.URLEncoder.encode(paraphrase, java.nio.charset.StandardCharsets.UTF_8)).toString());
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("experts-count"), "researchers for"));
      WebElement expertsMode = driver.findElement(By.id("experts-mode"));
      assertEquals("semantic", expertsMode.getDomProperty("value"));
      assertTrue(driver.findElement(By.cssSelector(".experts .result .evidence")).getText()
          .contains("Human Motion Estimation with Everyday Wearables"));
      new org.openqa.selenium.support.ui.Select(expertsMode).selectByValue("lexical");
      driver.findElement(By.cssSelector("#experts-form button[type=submit]")).click();
      wait.until(ExpectedConditions.urlContains("mode=lexical"));
      wait.until(d -> "lexical".equals(d.findElement(By.id("experts-mode")).getDomProperty("value")));
    }
    // Without vectors there is nothing to switch.
    open("/?q=speculative");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".results")));
    assertTrue(driver.findElements(By.id("mode")).isEmpty());
  }

  @Test
  void paperAndResearcherPagesLinkTheirIdentifiers(@TempDir Path other) throws Exception {
    try (ApiFixture formats = new ApiFixture(other.resolve("idx"), List.of(Path.of("src/test/resources/formats")),
        Duration.ofSeconds(5))) {
      driver.get(formats.uri("/?view=paper&id=W4000000010").toString());
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ids a")));
      List<String> hrefs = driver.findElements(By.cssSelector(".ids a")).stream().map(a -> a.getAttribute("href")).toList();
      assertEquals(List.of("https://doi.org/10.5555/shared.doi.1", "https://openalex.org/W4000000010",
          "https://www.semanticscholar.org/paper/649def34f8be52c8b66281af98ae884c09aef38b"), hrefs);
      assertTrue(driver.findElement(By.cssSelector(".keywords")).getText().contains("citation recommendation"));
      String fullText = driver.findElement(By.id("fulltext")).getAttribute("href");
      assertTrue(fullText.startsWith("https://"), "a link to the paper itself: " + fullText);

      driver.get(formats.uri("/?view=researcher&id=john-smith").toString());
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".variants")));
      assertEquals("Also written as: J. Smith", driver.findElement(By.cssSelector(".variants")).getText());
      assertTrue(driver.findElements(By.cssSelector(".ids a")).stream()
          .anyMatch(a -> "https://orcid.org/0000-0003-3333-3333".equals(a.getAttribute("href"))));
    }
  }

  @Test
  void anUnreachableServerIsSaidPlainly(@TempDir Path other) throws Exception {
    ApiFixture gone = ApiFixture.seeds(other.resolve("idx"));
    driver.get(gone.uri("/").toString());
    waitStatus("42 papers");
    gone.close();
    search("anything");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".problem")));
    assertTrue(driver.findElement(By.cssSelector(".problem-message")).getText().contains("cannot be reached"));
  }

  @Test
  void pageIsServedWithAStrictContentSecurityPolicy() {
    ApiFixture.Response r = api.get("/");
    assertEquals(200, r.status());
    String csp = r.raw().headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
    assertEquals("nosniff", r.raw().headers().firstValue("X-Content-Type-Options").orElse(""));
  }
}
