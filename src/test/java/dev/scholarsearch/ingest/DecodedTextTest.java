package dev.scholarsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodedTextTest {
  @Test
  void stripsBomAndNormalisesCrlfAndTrailingSpaces() {
    byte[] bytes = "\uFEFFSiqi Zhu  \r\nAI\t\r\n\r\nh-index25 \r".getBytes(StandardCharsets.UTF_8);
    DecodedText t = DecodedText.decode(bytes);
    assertEquals("Siqi Zhu\nAI\n\nh-index25\n", t.text());
    assertEquals("", t.note());
  }

  @Test
  void readsUtf16WithAndWithoutBom() {
    String page = "Researcher profile\nJosé Müller\n";
    assertEquals(page, DecodedText.decode(withBom(page, StandardCharsets.UTF_16LE, 0xFF, 0xFE)).text());
    assertEquals(page, DecodedText.decode(withBom(page, StandardCharsets.UTF_16BE, 0xFE, 0xFF)).text());
    DecodedText noBom = DecodedText.decode(page.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(page, noBom.text());
    assertTrue(noBom.note().contains("UTF-16LE"), noBom.note());
  }

  @Test
  void fallsBackToWindows1252ForLatin1Bytes() {
    DecodedText t = DecodedText.decode("José Müller – café".getBytes(Charset.forName("windows-1252")));
    assertEquals("José Müller – café", t.text());
    assertTrue(t.note().contains("not valid UTF-8"), t.note());
  }

  private static byte[] withBom(String s, Charset cs, int b0, int b1) {
    byte[] body = s.getBytes(cs);
    byte[] out = new byte[body.length + 2];
    out[0] = (byte) b0;
    out[1] = (byte) b1;
    System.arraycopy(body, 0, out, 2, body.length);
    return out;
  }
}
