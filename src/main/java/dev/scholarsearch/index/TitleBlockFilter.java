package dev.scholarsearch.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Ends a value with a hole that reaches position {@code blockEnd}: the next value of the field (the
 * abstract, after the title) then starts there, whatever the title's length. So a query can tell
 * the abstract's words from the title's by position alone (search.AbstractPositions), and one
 * inverted field serves both "anywhere" and "in the abstract": inverting the abstract a third time
 * for a field of its own cost a third of the indexing time. Phrases never span the two either.
 * A value longer than {@code blockEnd} positions is not cut, only not padded.
 */
final class TitleBlockFilter extends TokenFilter {
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final int blockEnd;
  private int position = -1;

  TitleBlockFilter(TokenStream in, int blockEnd) {
    super(in);
    this.blockEnd = blockEnd;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    position += posInc.getPositionIncrement();
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    // The trailing holes (stop words at the end) count, as Lucene counts them, then the padding.
    int trailing = posInc.getPositionIncrement();
    posInc.setPositionIncrement(Math.max(trailing, blockEnd - 1 - position));
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    position = -1;
  }
}
