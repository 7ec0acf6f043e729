package dev.scholarsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Abstracts put aside on disk come back exactly, across map pieces and from many threads. */
class AbstractSpillTest {
  private static String text(Random random, int words) {
    String[] vocabulary = {"naïve", "Bayes", "$\\alpha$-stable", "Schrödinger", "グラフ", "𝔽-linear", "graph", "of", "the"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
    }
    return sb.toString();
  }

  @Test
  void everyAbstractComesBackWholeAcrossSmallMapPieces() throws Exception {
    AbstractSpill spill = AbstractSpill.open(12); // pieces of 4 KiB: many entries would span two without padding
    Random random = new Random(7);
    List<String> cleaned = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String c = text(random, 1 + random.nextInt(60));
      String r = random.nextBoolean() ? c : "{" + c + "}";
      cleaned.add(c);
      raw.add(r);
      slots.add(spill.put(c, r));
    }
    spill.seal();
    assertTrue(IntStream.range(0, 3_000).allMatch(i -> slots.get(i) == i), "every entry got the next slot");
    IntStream.range(0, 3_000).parallel().forEach(i -> {
      assertEquals(cleaned.get(i), spill.abstractText(i), "slot " + i);
      assertEquals(raw.get(i), spill.rawAbstract(i), "slot " + i);
      assertEquals(cleaned.get(i).length(), spill.abstractLength(i));
    });
  }

  @Test
  void anEntryLargerThanAPieceStaysInMemoryAndTheRestIsKept() throws Exception {
    AbstractSpill spill = AbstractSpill.open(10);
    assertEquals(0, spill.put("short", "short"));
    assertEquals(-1, spill.put("x".repeat(2_000), "x".repeat(2_000)));
    assertEquals(1, spill.put("after", "after"));
    spill.seal();
    assertEquals("short", spill.abstractText(0));
    assertEquals("after", spill.rawAbstract(1));
  }

  @Test
  void nothingIsWrittenOnceSealedAndUnknownSlotsAreNamed() throws Exception {
    AbstractSpill spill = AbstractSpill.open();
    spill.put("one", "one");
    spill.seal();
    assertEquals("the spill is sealed", assertThrows(IllegalStateException.class, () -> spill.put("two", "two")).getMessage());
    assertEquals("no spilled abstract 3 (1 stored)",
        assertThrows(IllegalArgumentException.class, () -> spill.abstractText(3)).getMessage());
  }
}
