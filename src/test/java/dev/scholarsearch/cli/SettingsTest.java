package dev.scholarsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scholarsearch.search.HybridTuning;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The --set registry: each name sets its own knob and no other, and a bad value is an error that names it. */
class SettingsTest {
  private static final Tuning DEFAULTS = Tuning.defaults();

  @Test
  void eachSettingChangesItsOwnKnobAndNoOther() {
    for (Settings.Setting s : Settings.ALL) {
      Object before = s.get(DEFAULTS);
      Object changed = another(before);
      Tuning t = s.with(DEFAULTS, String.valueOf(changed).toLowerCase(java.util.Locale.ROOT));
      assertEquals(changed, s.get(t), s.name());
      for (Settings.Setting other : Settings.ALL) {
        if (!(other.part().equals(s.part()) && other.component().equals(s.component()))) {
          assertEquals(other.get(DEFAULTS), other.get(t), s.name() + " must leave " + other.name() + " alone");
        }
      }
      assertEquals(DEFAULTS, s.with(t, String.valueOf(before)), s.name() + " set back to its default");
    }
  }

  @Test
  void namesAreUniqueAndTheHelpListsEachOnceWithItsDefault() {
    List<String> names = Settings.ALL.stream().map(Settings.Setting::name).toList();
    assertEquals(names.size(), names.stream().distinct().count());
    List<String> help = Settings.help();
    assertEquals(names.size(), help.size());
    assertEquals("  rrfK          60       hybrid search: the RRF constant", help.get(names.indexOf("rrfK")));
    assertEquals("  fusion        scores   hybrid search: the fusion formula", help.get(names.indexOf("fusion")));
  }

  @Test
  void overridesApplyTogether() {
    Tuning t = Tuning.with(Map.of("k1", "1.2", "fusion", "RRF", "vfbDocs", "0", "mltQtf", "false"));
    assertEquals(1.2f, t.bm25().k1());
    assertEquals(HybridTuning.Method.RRF, t.hybrid().method());
    assertEquals(0, t.hybrid().feedbackDocs());
    assertEquals(false, t.similar().weighByQueryCount());
    assertEquals(DEFAULTS.similarFusion(), t.similarFusion(), "the similar-paper fusion is a knob set of its own");
  }

  @Test
  void aBadValueIsAnErrorThatNamesTheSettingAndWhatItTakes() {
    assertEquals("rrfK must be a whole number, got 'abc'", error("rrfK", "abc"));
    assertEquals("k1 must be a number, got 'high'", error("k1", "high"));
    assertEquals("mltQtf must be true or false, got 'yes'", error("mltQtf", "yes"));
    assertEquals("fusion must be scores|rrf, got 'mean'", error("fusion", "mean"));
    assertEquals("expertAgg must be comb_sum|exp_comb_mnz|comb_max, got 'avg'", error("expertAgg", "avg"));
    assertEquals("b=3 is out of range: need k1 >= 0 and 0 <= b <= 1, got k1=0.9, b=3.0", error("b", "3"));
    String unknown = error("k2", "1");
    assertEquals("unknown setting 'k2'; known: " + Tuning.NAMES, unknown);
    assertNotEquals(-1, unknown.indexOf("expertAgg (comb_sum|exp_comb_mnz|comb_max)"));
  }

  private static String error(String name, String value) {
    return assertThrows(IllegalArgumentException.class, () -> Tuning.with(Map.of(name, value))).getMessage();
  }

  /** A valid value other than {@code v}, of its type. */
  private static Object another(Object v) {
    return switch (v) {
      case Integer i -> i > 1 ? i - 1 : i + 1;
      case Float f -> f == 0f ? 0.25f : f / 2;
      case Double d -> d == 0d ? 0.25d : d / 2;
      case Boolean b -> !b;
      case Enum<?> e -> Arrays.stream(e.getDeclaringClass().getEnumConstants()).filter(c -> c != e).findFirst().orElseThrow();
      default -> throw new IllegalStateException("a knob of an unexpected type: " + v);
    };
  }
}
