package dev.scholarsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextKeysTest {
  @Test
  void theAsciiShortcutKeysTextAsTheUnicodePathDoes() {
    Pattern nonAlnum = Pattern.compile("[^\\p{L}\\p{N}]+");
    String alphabet = "aZ09 .,-_'\t\n()[]{}\\/x\u0001~";
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(12); k > 0; k--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      String general = nonAlnum.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT))
          .replaceAll(" ").trim();
      assertEquals(general, TextKeys.normalize(s), "'" + s + "'");
    }
    assertEquals("erdos pal", TextKeys.normalize("Erdős, Pál"), "beyond ASCII, accents are folded as before");
  }

  @Test
  void compatibleNamesAgreeInitialByInitial() {
    assertTrue(TextKeys.compatibleNames("j smith", "john smith"));
    assertTrue(TextKeys.compatibleNames("john r smith", "j robert smith"));
    assertFalse(TextKeys.compatibleNames("jane smith", "john smith"));
    assertFalse(TextKeys.compatibleNames("j smith", "j smyth"));
    assertFalse(TextKeys.compatibleNames("smith", "smith"), "a surname alone says too little");
  }
}
