package org.incidentkb.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The package graph points one way, in the order written once in {@link #layers()}: common at the bottom; actor,
 * source, eventtype, security and openapi above it, none using another; then incident, stats, link, imports and seed,
 * each using only what is below it; Flyway's Java migrations may use the application's code, and no application class
 * uses a migration. A back-arrow, a sideways arrow or a cycle fails the build (docs/architecture.md draws it).
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.incidentkb", "db.migration");

    /** The layers, bottom first, and which layers may use each. */
    static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().ensureAllClassesAreContainedInArchitecture()
                .layer("common").definedBy("org.incidentkb.common..")
                .layer("actor").definedBy("org.incidentkb.actor..")
                .layer("source").definedBy("org.incidentkb.source..")
                .layer("eventtype").definedBy("org.incidentkb.eventtype..")
                .layer("security").definedBy("org.incidentkb.security..")
                .layer("openapi").definedBy("org.incidentkb.openapi..")
                .layer("incident").definedBy("org.incidentkb.incident..")
                .layer("stats").definedBy("org.incidentkb.stats..")
                .layer("link").definedBy("org.incidentkb.link..")
                .layer("imports").definedBy("org.incidentkb.imports..")
                .layer("seed").definedBy("org.incidentkb.seed..")
                .layer("migrations").definedBy("db.migration..")
                .whereLayer("migrations").mayNotBeAccessedByAnyLayer()
                .whereLayer("seed").mayNotBeAccessedByAnyLayer()
                .whereLayer("imports").mayOnlyBeAccessedByLayers("seed", "migrations")
                .whereLayer("link").mayOnlyBeAccessedByLayers("imports", "seed", "migrations")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("link", "imports", "seed", "migrations")
                .whereLayer("incident").mayOnlyBeAccessedByLayers("stats", "link", "imports", "seed", "migrations")
                .whereLayer("actor").mayOnlyBeAccessedByLayers(ABOVE_THE_FEATURES)
                .whereLayer("source").mayOnlyBeAccessedByLayers(ABOVE_THE_FEATURES)
                .whereLayer("eventtype").mayOnlyBeAccessedByLayers(ABOVE_THE_FEATURES)
                .whereLayer("security").mayOnlyBeAccessedByLayers(ABOVE_THE_FEATURES)
                .whereLayer("openapi").mayOnlyBeAccessedByLayers(ABOVE_THE_FEATURES);
    }

    private static final String[] ABOVE_THE_FEATURES = { "incident", "stats", "link", "imports", "seed", "migrations" };

    @Test
    void packagesFollowTheLayers() {
        layers().check(MAIN);
    }

    /**
     * The rules catch each kind of wrong arrow: planted classes (in the test sources, used by nothing) make a feature
     * use one beside it, common use a feature, statistics use links, application code use a migration, an importer use
     * the demo data, and the OpenAPI filters use a feature.
     */
    @ParameterizedTest
    @ValueSource(strings = { "org.incidentkb.source", "org.incidentkb.common", "org.incidentkb.stats",
            "org.incidentkb.incident", "org.incidentkb.imports", "org.incidentkb.openapi" })
    void shouldFailOnAPlantedWrongArrow(String pkg) {
        String planted = pkg.replace('.', '/') + "/PlantedArrow.class";
        JavaClasses withIt = new ClassFileImporter()
                .withImportOption(location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                        || location.contains(planted))
                .importPackages("org.incidentkb", "db.migration");
        EvaluationResult result = layers().evaluate(withIt);
        assertThat(result.getFailureReport().getDetails()).as("the violations with the arrow planted in %s", pkg)
                .isNotEmpty().allMatch(d -> d.contains(pkg + ".PlantedArrow"));
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.incidentkb.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * Inside incident, the rooms (model, api, write, readmodel, query, export) point one way and none reaches back
     * to the resources and services at its top; the entities and repositories use no other room.
     */
    @Test
    void incidentRoomsHaveNoCyclesAndNoBackArrows() {
        slices().matching("org.incidentkb.incident.(*)..").should().beFreeOfCycles().check(MAIN);
        noClasses().that().resideInAPackage("org.incidentkb.incident.*..").should().dependOnClassesThat()
                .resideInAPackage("org.incidentkb.incident").check(MAIN);
        noClasses().that().resideInAPackage("org.incidentkb.incident.model..").should().dependOnClassesThat()
                .resideInAnyPackage("org.incidentkb.incident.api..", "org.incidentkb.incident.write..",
                    "org.incidentkb.incident.readmodel..", "org.incidentkb.incident.query..",
                    "org.incidentkb.incident.export..").check(MAIN);
    }

    @Test
    void resourcesOpenNoTransactions() {
        noMethods().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Resource").should()
                .beAnnotatedWith("jakarta.transaction.Transactional").check(MAIN);
        noClasses().that().haveSimpleNameEndingWith("Resource").should()
                .beAnnotatedWith("jakarta.transaction.Transactional").check(MAIN);
    }
}
