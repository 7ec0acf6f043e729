package dev.scholarsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The served API description is a valid OpenAPI document of the version it declares (swagger-parser's validator). */
class OpenApiValidTest {
  @Test
  void theDescriptionValidatesWithNoMessages() throws Exception {
    String json;
    try (InputStream in = OpenApiValidTest.class.getResourceAsStream("/openapi.json")) {
      assertNotNull(in, "openapi.json is on the classpath");
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(json, null, options);
    assertNotNull(result.getOpenAPI(), "it parses: " + result.getMessages());
    assertEquals(List.of(), result.getMessages());
    // The parser reads an empty list as none; the document itself must say it.
    assertEquals("[]", new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("security").toString(),
        "no authentication, said explicitly");
    // OpenAPI 3.0: nullable means nothing without a type beside it. swagger-parser lets it pass,
    // Redocly's lint (nullable-type-sibling) and 3.0 code generators do not.
    List<String> untyped = new java.util.ArrayList<>();
    untypedNullables(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), "#", untyped);
    assertEquals(List.of(), untyped);
  }

  private static void untypedNullables(com.fasterxml.jackson.databind.JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      if (node.has("nullable") && !node.has("type")) {
        out.add(path);
      }
      node.properties().forEach(e -> untypedNullables(e.getValue(), path + "/" + e.getKey(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        untypedNullables(node.get(i), path + "/" + i, out);
      }
    }
  }
}
