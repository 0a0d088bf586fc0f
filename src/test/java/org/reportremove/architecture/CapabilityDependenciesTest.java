package org.reportremove.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportremove.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the service, as docs/architecture.md draws it: capabilities in one order, each importing only those
 * below it (a lower one that must let higher ones react fires an event); {@code platform} knowing no capability;
 * HTTP only at the boundaries.
 */
class CapabilityDependenciesTest {

    /** Lowest first: each may import only the ones before it. */
    static final List<String> ORDER = List.of("platform", "signals", "agecheck", "accounts", "auth", "cases",
            "analysts", "progress", "industry", "inbox", "helpline", "audit");

    private static JavaClasses service;

    @BeforeAll
    static void importTheService() {
        service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.reportremove");
    }

    @Test
    void everyCapabilityIsInTheOrder() {
        List<String> found = new ArrayList<>();
        service.forEach(type -> {
            String rest = type.getPackageName().replaceFirst("^org\\.reportremove\\.?", "");
            String capability = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
            if (!capability.isEmpty() && !found.contains(capability)) {
                found.add(capability);
            }
        });
        found.removeAll(ORDER);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), found,
                "a new capability must take its place in ORDER and in docs/architecture.md");
    }

    @Test
    void noCapabilityImportsOneAboveIt() {
        for (int lower = 0; lower < ORDER.size(); lower++) {
            for (int higher = lower + 1; higher < ORDER.size(); higher++) {
                ArchRule rule = noClasses().that().resideInAPackage(capability(ORDER.get(lower)))
                        .should().dependOnClassesThat().resideInAPackage(capability(ORDER.get(higher)))
                        .because(ORDER.get(lower) + " sits below " + ORDER.get(higher)
                                + ": it fires an event where the higher one must react");
                rule.check(service);
            }
        }
    }

    @Test
    void capabilitiesFormNoCycle() {
        slices().matching("org.reportremove.(*)..").should().beFreeOfCycles().check(service);
    }

    @Test
    void platformKnowsNoCapability() {
        noClasses().that().resideInAPackage("org.reportremove.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(ORDER.stream().skip(1)
                        .map(CapabilityDependenciesTest::capability).toArray(String[]::new))
                .check(service);
    }

    @Test
    void entitiesAndControlKnowNothingOfHttp() {
        noClasses().that().resideInAnyPackage("..entity..", "..control..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..")
                .because("HTTP belongs to boundaries and the platform's web edge")
                .check(service);
    }

    @Test
    void problemsAreAnsweredOnlyAtBoundaries() {
        noClasses().that().resideOutsideOfPackages("..boundary..", "org.reportremove.platform..")
                .should().dependOnClassesThat().areAssignableTo(ProblemException.class)
                .because("the domain throws its own failures; each boundary maps them to problems")
                .check(service);
    }

    private static String capability(String name) {
        return "org.reportremove." + name + "..";
    }
}
