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
  }
}
