package io.jackyunsync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.jackyunsync.kit.KitApplication;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map of the README ("Where things live") and docs/where-things-live.md, enforced on the compiled classes of
 * the product module alone (its classes directory or jar, wherever {@link Application} was loaded from) and, for the
 * module boundary, on the test kit's.
 */
class ArchitectureTest {

    static final String[] ENGINE = {"io.jackyunsync.run..", "io.jackyunsync.db..", "io.jackyunsync.scheme..",
            "io.jackyunsync.jackyun..", "io.jackyunsync.config.."};
    static final String[] OPERATOR = {"io.jackyunsync.observe..", "io.jackyunsync.console..", "io.jackyunsync.reconcile..",
            "io.jackyunsync.deadletter..", "io.jackyunsync.cluster.."};
    static final String[] WIRING = {"io.jackyunsync.cli..", "io.jackyunsync.app.."};

    private static JavaClasses product;
    private static JavaClasses kit;

    @BeforeAll
    static void importModules() throws URISyntaxException, IOException {
        product = classesOf(codeSource(Application.class));
        kit = classesOf(codeSource(KitApplication.class));
    }

    /** The classes of a module's classes directory (./mvnw test) or of its jar (./mvnw verify, after the package). */
    static JavaClasses classesOf(Path location) throws IOException {
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        if (Files.isDirectory(location)) {
            return importer.importPath(location);
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return importer.importJar(jar);
        }
    }

    static Path codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void theProductModuleHoldsNoTestKitOrBenchmarkClass() throws URISyntaxException {
        assertThat(product.size()).as("product classes imported").isGreaterThan(100);
        assertThat(product.stream().map(c -> c.getPackageName()))
                .noneMatch(p -> p.startsWith("io.jackyunsync.demo") || p.startsWith("io.jackyunsync.simulator")
                        || p.startsWith("io.jackyunsync.bench") || p.startsWith("io.jackyunsync.kit")
                        || p.startsWith("io.jackyunsync.support"));
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ch.vorburger..", "org.junit..", "org.assertj..")
                .check(product);
        assertThat(codeSource(Application.class)).as("loaded from the product module")
                .satisfies(p -> assertThat(p.toString()).contains("product"));
    }

    @Test
    void thePackagesHaveNoCycle() {
        slices().matching("io.jackyunsync.(*)..").should().beFreeOfCycles().check(product);
        slices().matching("io.jackyunsync.(*)..").should().beFreeOfCycles().check(kit);
    }

    /** A source file is its top-level class with its nested ones: no two files depend on each other, directly or round about. */
    @Test
    void theSourceFilesHaveNoCycle() {
        SliceAssignment byFile = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getName();
                int nested = name.indexOf('$');
                return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
            }

            @Override
            public String getDescription() { return "source files"; }
        };
        slices().assignedFrom(byFile).should().beFreeOfCycles().check(product);
        slices().assignedFrom(byFile).should().beFreeOfCycles().check(kit);
    }

    @Test
    void theRootHoldsTheEntryPointOnlyAndNothingReachesIt() {
        classes().that().resideInAPackage("io.jackyunsync").and().areTopLevelClasses().should().haveSimpleName("Application")
                .check(product);
        noClasses().that().resideOutsideOfPackage("io.jackyunsync").should().dependOnClassesThat().resideInAPackage("io.jackyunsync")
                .check(product);
    }

    /** The entry point, the wiring, the operator's areas, the engine: each reaches only the ones below it. */
    @Test
    void theLayersAreReachedOnlyFromAbove() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("io.jackyunsync..")
                .layer("Entry").definedBy("io.jackyunsync")
                .layer("Wiring").definedBy(WIRING)
                .layer("Operator").definedBy(OPERATOR)
                .layer("Engine").definedBy(ENGINE)
                .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("Wiring").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Operator").mayOnlyBeAccessedByLayers("Entry", "Wiring")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("Entry", "Wiring", "Operator")
                .check(product);
    }

    /** Inside the engine: the run uses the others; config and the gateway client use none of the engine above them. */
    @Test
    void theEngineIsOrderedRunThenSchemeAndDatabaseThenGatewayAndSettings() {
        noClasses().that().resideInAnyPackage("io.jackyunsync.scheme..", "io.jackyunsync.db..", "io.jackyunsync.jackyun..",
                "io.jackyunsync.config..").should().dependOnClassesThat().resideInAPackage("io.jackyunsync.run..").check(product);
        noClasses().that().resideInAnyPackage("io.jackyunsync.jackyun..", "io.jackyunsync.config..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jackyunsync.scheme..", "io.jackyunsync.db..").check(product);
    }

    @Test
    void onlyTheWiringAndTheSettingsReadProperties() {
        // options are read once at start-up into typed settings; no bean looks a property up while the app runs
        noClasses().that().resideOutsideOfPackages("io.jackyunsync.app..", "io.jackyunsync.config..")
                .should().dependOnClassesThat().areAssignableTo(PropertiesComponent.class)
                .orShould().callMethod(CamelContext.class, "resolvePropertyPlaceholders", String.class)
                .check(product);
    }

    /** The test kit is beside the product: the product never needs it, and the kit reaches the product only from outside. */
    @Test
    void theTestKitUsesTheProductAndIsNotUsedByIt() {
        assertThat(kit.stream().map(c -> c.getPackageName()))
                .allMatch(p -> p.startsWith("io.jackyunsync.demo") || p.startsWith("io.jackyunsync.simulator")
                        || p.startsWith("io.jackyunsync.kit"));
        noClasses().that().resideInAPackage("io.jackyunsync.simulator..").should().dependOnClassesThat()
                .resideInAnyPackage("io.jackyunsync.demo..", "io.jackyunsync.kit..").check(kit);
    }
}
