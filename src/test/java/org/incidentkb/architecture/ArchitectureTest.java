package org.incidentkb.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package graph points one way: features (incident, actor, source, eventtype, imports, stats, security, seed)
 * may use common and each other without a cycle; common uses no feature; the OpenAPI documentation reads the
 * resources from the annotation index and imports none of them. A back-arrow or cycle fails the build.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.incidentkb", "db.migration");

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
    void commonUsesNoFeature() {
        noClasses().that().resideInAPackage("org.incidentkb.common..")
                .should().dependOnClassesThat().resideInAnyPackage("org.incidentkb.actor..", "org.incidentkb.eventtype..",
                    "org.incidentkb.imports..", "org.incidentkb.incident..", "org.incidentkb.security..",
                    "org.incidentkb.seed..", "org.incidentkb.source..", "org.incidentkb.stats..",
                    "org.incidentkb.openapi..").check(MAIN);
    }

    @Test
    void openApiDocumentationImportsNoFeature() {
        noClasses().that()
                .resideInAPackage("org.incidentkb.openapi..").should().dependOnClassesThat().resideInAnyPackage(
                    "org.incidentkb.actor..", "org.incidentkb.eventtype..", "org.incidentkb.imports..",
                    "org.incidentkb.incident..", "org.incidentkb.security..", "org.incidentkb.seed..",
                    "org.incidentkb.source..", "org.incidentkb.stats..").check(MAIN);
    }

    @Test
    void nothingDependsOnTheDemoData() {
        noClasses().that().resideOutsideOfPackage("org.incidentkb.seed..").should().dependOnClassesThat()
                .resideInAPackage("org.incidentkb.seed..").check(MAIN);
    }

    @Test
    void resourcesOpenNoTransactions() {
        noMethods().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Resource").should()
                .beAnnotatedWith("jakarta.transaction.Transactional").check(MAIN);
        noClasses().that().haveSimpleNameEndingWith("Resource").should()
                .beAnnotatedWith("jakarta.transaction.Transactional").check(MAIN);
    }
}
