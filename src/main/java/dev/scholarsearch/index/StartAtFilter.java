package dev.scholarsearch.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** Moves a text's first token {@code start} positions on: an abstract analysed alone, placed where the combined field has it. */
final class StartAtFilter extends TokenFilter {
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final int start;
  private boolean first = true;

  StartAtFilter(TokenStream in, int start) {
    super(in);
    this.start = start;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (first) {
      posInc.setPositionIncrement(posInc.getPositionIncrement() + start);
      first = false;
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    first = true;
  }
}
