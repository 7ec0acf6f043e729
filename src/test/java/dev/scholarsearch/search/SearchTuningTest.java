package dev.scholarsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The bonuses follow the records' length: CACM (36 tokens) keeps them, SciFact (162) gets smaller ones. */
class SearchTuningTest {
  private final SearchTuning d = SearchTuning.DEFAULT;

  @Test
  void shortRecordsKeepTheBonuses() {
    assertSame(d, d.forAverageLength(35.7));
    assertSame(d, d.forAverageLength(d.lengthReference()));
  }

  @Test
  void longRecordsShrinkProximityByTheLengthAndTheTitleByItsRoot() {
    SearchTuning t = d.forAverageLength(4 * d.lengthReference());
    assertEquals(d.proximityWeight() / 4, t.proximityWeight(), 1e-6);
    assertEquals(d.titleWeight() / 2, t.titleWeight(), 1e-6);
    assertEquals(d.proximitySlop(), t.proximitySlop());
  }

  @Test
  void aReferenceOfZeroTurnsItOff() {
    SearchTuning off = new SearchTuning(0.5f, 0.3f, 8, 0, 20, 0.7f, 0);
    assertSame(off, off.forAverageLength(1_000));
  }
}
