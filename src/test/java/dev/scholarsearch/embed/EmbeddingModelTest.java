package dev.scholarsearch.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Model names as users and manifests give them. */
class EmbeddingModelTest {
  @Test
  void namesAreFoundWhateverTheirCase() {
    assertEquals(EmbeddingModel.BGE_SMALL_Q, EmbeddingModel.parse("BGE-small-en-v1.5-q"));
    assertEquals(EmbeddingModel.DEFAULT, EmbeddingModel.parse(EmbeddingModel.DEFAULT_NAME));
  }

  @Test
  void aTokenLimitMakesAVariantOfItsOwnName() {
    EmbeddingModel short256 = EmbeddingModel.parse("bge-small-en-v1.5-q@256");
    assertEquals("bge-small-en-v1.5-q@256", short256.name());
    assertEquals(256, short256.maxTokens());
    assertEquals(EmbeddingModel.BGE_SMALL_Q.resource(), short256.resource());
    // The manifest records the variant's name, and reads back the same model.
    assertEquals(short256, EmbeddingModel.named(short256.name()).orElseThrow());
    assertEquals(EmbeddingModel.MINILM, EmbeddingModel.parse("all-MiniLM-L6-v2@128"), "its own limit: the model itself");
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmbeddingModel.parse("bert-huge"));
    assertTrue(e.getMessage().contains("'bert-huge'") && e.getMessage().contains("e5-small-v2-q"), e.getMessage());
    assertEquals(256, EmbeddingModel.parse("all-MiniLM-L6-v2@256").maxTokens(), "past its own default, within BERT's positions");
    assertThrows(IllegalArgumentException.class, () -> EmbeddingModel.parse("all-MiniLM-L6-v2@4096"), "past 512");
    assertThrows(IllegalArgumentException.class, () -> EmbeddingModel.parse("all-MiniLM-L6-v2@x"));
  }
}
