package dev.scholarsearch.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data flows one way (docs: STYLE): pages and JSONL in, records, documents, searchers, JSON
 * out. A package may use the ones below it, never one above; checked on the compiled classes, so a
 * fully qualified name in code counts as much as an import.
 */
class LayeringTest {
  private static JavaClasses main;

  @BeforeAll
  static void read() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.scholarsearch");
  }

  @Test
  void noPackageUsesOneAboveIt() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("cli").definedBy("dev.scholarsearch.cli..")
        .layer("bench").definedBy("dev.scholarsearch.bench..")
        .layer("http").definedBy("dev.scholarsearch.http..")
        .layer("cluster").definedBy("dev.scholarsearch.cluster..")
        .layer("eval").definedBy("dev.scholarsearch.eval..")
        .layer("similar").definedBy("dev.scholarsearch.similar..")
        .layer("rank").definedBy("dev.scholarsearch.rank..")
        .layer("search").definedBy("dev.scholarsearch.search..")
        .layer("index").definedBy("dev.scholarsearch.index..")
        .layer("ingest").definedBy("dev.scholarsearch.ingest..")
        .layer("embed").definedBy("dev.scholarsearch.embed..")
        .layer("model").definedBy("dev.scholarsearch.model..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("http").mayOnlyBeAccessedByLayers("bench", "cli")
        .whereLayer("cluster").mayOnlyBeAccessedByLayers("http", "bench", "cli")
        .whereLayer("eval").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("similar").mayOnlyBeAccessedByLayers("cluster", "http", "eval", "bench", "cli")
        .whereLayer("rank").mayOnlyBeAccessedByLayers("cluster", "http", "eval", "bench", "cli")
        .whereLayer("search").mayOnlyBeAccessedByLayers("similar", "rank", "cluster", "http", "eval", "bench", "cli")
        .whereLayer("index").mayOnlyBeAccessedByLayers("search", "similar", "rank", "cluster", "http", "eval", "bench",
            "cli")
        .whereLayer("ingest").mayOnlyBeAccessedByLayers("bench", "cli")
        .whereLayer("embed").mayOnlyBeAccessedByLayers("index", "search", "similar", "rank", "cluster", "http", "eval",
            "bench", "cli")
        .check(main);
  }

  @Test
  void thePackagesHaveNoCycles() {
    slices().matching("dev.scholarsearch.(*)..").should().beFreeOfCycles().check(main);
  }
}
