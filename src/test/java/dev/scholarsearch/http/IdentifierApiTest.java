package dev.scholarsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Papers and researchers show their identifiers as links, over an index of every fixture format. */
class IdentifierApiTest {
  @TempDir
  static Path dir;
  static ApiFixture api;

  @BeforeAll
  static void start() throws IOException {
    api = new ApiFixture(dir.resolve("idx"), List.of(Path.of("src/test/resources/formats")), Duration.ofMillis(200));
  }

  @AfterAll
  static void stop() throws IOException {
    api.close();
  }

  static List<String> links(JsonNode ids) {
    List<String> out = new ArrayList<>();
    ids.forEach(i -> out.add(i.get("kind").asText() + " " + i.get("id").asText() + " " + i.get("url").asText()));
    return out;
  }

  @Test
  void aPaperLinksToItsIdsInEverySource() {
    ApiFixture.Response r = api.get("/api/papers/W4000000010");
    assertEquals(200, r.status());
    assertEquals(List.of("doi 10.5555/shared.doi.1 https://doi.org/10.5555/shared.doi.1",
        "openalex W4000000010 https://openalex.org/W4000000010",
        "s2 649def34f8be52c8b66281af98ae884c09aef38b https://www.semanticscholar.org/paper/649def34f8be52c8b66281af98ae884c09aef38b"),
        links(r.json().get("ids")));
    assertEquals("[\"citation recommendation\",\"graph neural networks\"]", r.json().get("keywords").toString());

    ApiFixture.Response arxiv = api.get("/api/papers/W3184470535");
    assertEquals(List.of("doi 10.1364/prj.433188 https://doi.org/10.1364/prj.433188",
        "arxiv 2102.11388 https://arxiv.org/abs/2102.11388",
        "openalex W3184470535 https://openalex.org/W3184470535",
        "s2 CorpusId:118000001 https://api.semanticscholar.org/CorpusId:118000001"), links(arxiv.json().get("ids")));
  }

  @Test
  void aResearcherShowsIdentifiersAsLinksAndNameVariants() {
    String id = api.get("/api/papers/W4000000010").json().get("authors").get(0).get("id").asText();
    ApiFixture.Response r = api.get("/api/researchers/" + id);
    assertEquals(200, r.status());
    assertEquals("John Smith", r.json().get("name").asText());
    assertEquals(List.of("openalex A5003333333 https://openalex.org/A5003333333",
        "s2 1741101 https://www.semanticscholar.org/author/1741101",
        "orcid 0000-0003-3333-3333 https://orcid.org/0000-0003-3333-3333",
        "id jsmith "), links(r.json().get("identifiers")));
    assertEquals("[\"John Smith\",\"J. Smith\"]", r.json().get("nameVariants").toString());
    assertEquals(3, r.json().get("paperCount").asInt());

    ApiFixture.Response lee = api.get("/api/researchers/ann-lee");
    assertEquals("[]", lee.json().get("identifiers").toString(), "a researcher known by name only has no identifiers");
  }

  @Test
  void researchersByTopicKeepNamesakesApart() {
    JsonNode hits = api.get("/api/researchers?topic=photonic&limit=10").json().get("hits");
    List<String> yangs = new ArrayList<>();
    hits.forEach(h -> {
      if (h.get("name").asText().equals("Yang Yang")) {
        yangs.add(h.get("id").asText());
      }
    });
    assertEquals(3, yangs.size(), "three Yang Yangs wrote on photonics, each with ids of their own: " + hits);
    assertEquals(3, yangs.stream().distinct().count());
  }
}
