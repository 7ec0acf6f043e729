package dev.scholarsearch.ingest;

import dev.scholarsearch.model.Corpus;
import dev.scholarsearch.model.Paper;
import java.util.AbstractList;
import java.util.List;

/** Papers held without their abstracts, which each {@link #get} reads back from the spill. */
final class SpilledPapers extends AbstractList<Paper> implements Corpus.BuiltOnDemand {
  private final List<Paper> withoutAbstracts;
  /** Each paper's slot in the spill, or -1 when its abstract stayed in memory (a page's listing, an empty one). */
  private final int[] slots;
  private final AbstractSpill spill;

  SpilledPapers(List<Paper> withoutAbstracts, int[] slots, AbstractSpill spill) {
    if (withoutAbstracts.size() != slots.length) {
      throw new IllegalArgumentException(withoutAbstracts.size() + " papers but " + slots.length + " slots");
    }
    this.withoutAbstracts = List.copyOf(withoutAbstracts);
    this.slots = slots.clone();
    this.spill = spill;
  }

  @Override
  public Paper get(int index) {
    Paper p = withoutAbstracts.get(index);
    int slot = slots[index];
    return slot < 0 ? p : p.withAbstract(spill.abstractText(slot), spill.rawAbstract(slot));
  }

  @Override
  public int size() {
    return slots.length;
  }
}
