package io.jackyunsync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package map of docs/where-things-live.md, enforced on the compiled product classes. */
class ArchitectureTest {

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.jackyunsync");
    }

    @Test
    void thePackagesHaveNoCycle() {
        slices().matching("io.jackyunsync.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void theRootHoldsTheEntryPointOnly() {
        classes().that().resideInAPackage("io.jackyunsync").and().areTopLevelClasses().should().haveSimpleNameStartingWith("Application").check(product);
        noClasses().that().resideOutsideOfPackage("io.jackyunsync").should().dependOnClassesThat().resideInAPackage("io.jackyunsync")
                .check(product);
    }

    @Test
    void theProductDoesNotReachTheDemoSimulatorOrBenchmark() {
        noClasses().that().resideInAnyPackage("io.jackyunsync.app..", "io.jackyunsync.cli..", "io.jackyunsync.config..",
                        "io.jackyunsync.jackyun..", "io.jackyunsync.scheme..", "io.jackyunsync.run..", "io.jackyunsync.deadletter..",
                        "io.jackyunsync.reconcile..", "io.jackyunsync.cluster..", "io.jackyunsync.db..", "io.jackyunsync.observe..",
                        "io.jackyunsync.console..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jackyunsync.demo..", "io.jackyunsync.simulator..", "io.jackyunsync.bench..")
                .check(product);
    }

    @Test
    void theLowerLayersDoNotReachTheWiring() {
        noClasses().that().resideInAnyPackage("io.jackyunsync.config..", "io.jackyunsync.jackyun..", "io.jackyunsync.scheme..",
                        "io.jackyunsync.run..", "io.jackyunsync.db..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jackyunsync.app..", "io.jackyunsync.cli..",
                        "io.jackyunsync.observe..", "io.jackyunsync.console..", "io.jackyunsync.reconcile..", "io.jackyunsync.deadletter..",
                        "io.jackyunsync.cluster..")
                .check(product);
    }

    @Test
    void onlyTheWiringAndTheSettingsReadProperties() {
        // options are read once at start-up into typed settings; no bean looks a property up while the app runs
        noClasses().that().resideOutsideOfPackages("io.jackyunsync.app..", "io.jackyunsync.config..")
                .should().dependOnClassesThat().areAssignableTo(org.apache.camel.spi.PropertiesComponent.class)
                .orShould().callMethod(org.apache.camel.CamelContext.class, "resolvePropertyPlaceholders", String.class)
                .check(product);
    }
}
