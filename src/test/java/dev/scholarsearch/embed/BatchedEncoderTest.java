package dev.scholarsearch.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batching changes the speed, not the vectors: padding is masked out, and each text keeps its place. */
class BatchedEncoderTest {
  private static BatchedEncoder encoder;

  @BeforeAll
  static void load() {
    encoder = new BatchedEncoder(EmbeddingModel.MINILM, Runtime.getRuntime().availableProcessors());
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void aTextInABatchOfOtherLengthsGetsTheVectorItGetsAlone() {
    List<String> texts = new ArrayList<>();
    texts.add("Graph colouring");
    texts.add("Sparse matrix solvers. Iterative methods for large sparse linear systems on parallel machines, "
        + "with preconditioners chosen by the structure of the matrix and its condition number.");
    texts.add("-");
    for (int i = 0; i < 10; i++) {
      texts.add("Paper " + i + ": " + "retrieval augmented generation with dense passage retrieval ".repeat(i + 1));
    }
    List<float[]> together = encoder.embed(texts);
    assertEquals(texts.size(), together.size());
    for (int i = 0; i < texts.size(); i++) {
      float[] alone = encoder.embed(List.of(texts.get(i))).get(0);
      assertEquals(384, alone.length);
      double cos = 0;
      double norm = 0;
      for (int d = 0; d < alone.length; d++) {
        cos += alone[d] * together.get(i)[d];
        norm += alone[d] * alone[d];
      }
      assertEquals(1.0, norm, 1e-4, "unit length");
      assertTrue(cos > 0.99999, "text " + i + " alone and in a batch: cosine " + cos);
    }
    double related = 0;
    double unrelated = 0;
    for (int d = 0; d < 384; d++) {
      related += together.get(3)[d] * together.get(4)[d];
      unrelated += together.get(0)[d] * together.get(4)[d];
    }
    assertTrue(related > unrelated + 0.2, "two RAG texts are closer to each other than to graph colouring: "
        + related + " against " + unrelated);
  }

  @Test
  void sessionsRunningBatchesAtOnceGiveEachTextTheVectorOneSessionGives() throws IOException {
    // Real abstracts of mixed lengths, so that the workers take batches of every size and finish
    // out of order: each vector must still land at its own text's place.
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (var lines = Files.lines(Path.of("src/test/resources/scifact/corpus.jsonl"))) {
      lines.limit(60).forEach(line -> {
        try {
          var n = json.readTree(line);
          texts.add(n.path("title").asText() + ". " + n.path("text").asText());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    List<float[]> one = encoder.embed(texts);
    try (BatchedEncoder two = new BatchedEncoder(EmbeddingModel.MINILM, 2, 3, 2)) {
      List<float[]> both = two.embed(texts);
      assertEquals(texts.size(), both.size());
      for (int i = 0; i < texts.size(); i++) {
        double cos = 0;
        for (int d = 0; d < 384; d++) {
          cos += one.get(i)[d] * both.get(i)[d];
        }
        assertTrue(cos > 0.99999, "text " + i + " by one session and by two: cosine " + cos);
      }
    }
  }
}
