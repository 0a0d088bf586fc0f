package org.reportremove.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What the separately shipped jars may import. Each jar is cut out of the one module by the package names in
 * {@code pom.xml} and {@code src/assembly/}; a class there that imports anything outside the jar compiles
 * and passes every other test, then fails with {@code NoClassDefFoundError} on the machine it ships to (the
 * analysts' is air-gapped). These rules fail the build on the import instead; {@code ShippedJarsIT} runs the
 * built jars themselves.
 *
 * <p>Each rule names exactly what its classes use today. Widening one is a decision about what ships, so the
 * jar's contents must change with it.
 */
class DeliverableBoundariesTest {

    private static final String HASHING_CORE = "org.reportremove.signals.hashing";
    private static final String HASHING_IMAGEIO = "org.reportremove.signals.hashing.imageio";
    private static final String HASHING_CLI = "org.reportremove.signals.hashing.cli";
    private static final String BUNDLE = "org.reportremove.analysts.bundle";
    private static final String BRIDGE = "org.reportremove.analysts.bridge";
    private static final String KEYS = "org.reportremove.platform.keys";
    private static final String NIMBUS = "com.nimbusds..";
    private static final String TINK = "com.google.crypto.tink..";
    /** The classes {@code report-remove-audit-verify.xml} takes, by the same file name patterns. */
    private static final String AUDIT_VERIFIER =
            "org\\.reportremove\\.audit\\.control\\.(AuditChain|AuditVerification|AuditVerifyCommand)[^.]*";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.reportremove");
    }

    @Test
    void hashingCoreNeedsNothingButTheJavaRuntime() {
        ArchRule rule = classes().that().resideInAPackage(HASHING_CORE)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", HASHING_CORE)
                .because("report-remove-hashing.jar ships with no dependencies for apps to embed");
        rule.check(production);
    }

    @Test
    void hashingCoreStaysUsableOnAndroid() {
        ArchRule rule = noClasses().that().resideInAPackage(HASHING_CORE)
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "java.beans..", "java.applet..")
                .because("the app embeds report-remove-hashing.jar on Android, which has no java.desktop module");
        rule.check(production);
    }

    @Test
    void imageDecodingAdapterNeedsOnlyImageIoAndTheHashingCore() {
        ArchRule rule = classes().that().resideInAPackage(HASHING_IMAGEIO)
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java.lang..", "java.io..", "java.nio..", "java.util..",
                        "java.awt.image..", "java.awt.color..", "javax.imageio..",
                        HASHING_CORE, HASHING_IMAGEIO)
                .because("report-remove-hash.jar holds the hashing packages and the TwelveMonkeys ImageIO plugins,"
                        + " which ImageIO finds by itself");
        rule.check(production);
    }

    @Test
    void hashCommandNeedsOnlyTheHashingPackages() {
        ArchRule rule = classes().that().resideInAPackage(HASHING_CLI)
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java.lang..", "java.io..", "java.nio..", "java.util..",
                        HASHING_CORE, HASHING_IMAGEIO, HASHING_CLI)
                .because("report-remove-hash.jar holds the hashing packages and nothing of the service");
        rule.check(production);
    }

    @Test
    void hashingCoreAndDecodingAdapterDoNotReachUpToTheCommand() {
        ArchRule rule = noClasses().that().resideInAnyPackage(HASHING_CORE, HASHING_IMAGEIO)
                .should().dependOnClassesThat().resideInAPackage(HASHING_CLI)
                .because("the core ships without the command, and the service uses the core without either");
        rule.check(production);
    }

    @Test
    void bundleFormatNeedsOnlyTheJavaRuntimeAndNimbus() {
        ArchRule rule = classes().that().resideInAPackage(BUNDLE)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", NIMBUS, BUNDLE)
                .because("the service and report-remove-analyst-bridge.jar share it, and the jar holds only Nimbus");
        rule.check(production);
    }

    @Test
    void analystBridgeNeedsOnlyTheJavaRuntimeNimbusAndTheBundleFormat() {
        ArchRule rule = classes().that().resideInAPackage(BRIDGE)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", NIMBUS, BUNDLE, BRIDGE)
                .because("report-remove-analyst-bridge.jar runs on the analysts' air-gapped machine with nothing"
                        + " but the bridge, the bundle format and Nimbus");
        rule.check(production);
    }

    @Test
    void theServiceUsesNothingThatTheWarLeavesOut() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(BRIDGE, HASHING_IMAGEIO, HASHING_CLI, KEYS)
                .should().dependOnClassesThat().resideInAnyPackage(BRIDGE, HASHING_IMAGEIO, HASHING_CLI, KEYS,
                        "com.twelvemonkeys..")
                .because("the war leaves out the bridge, the decoding adapter, the hash command, the keys command"
                        + " and the TwelveMonkeys decoders");
        rule.check(production);
    }

    @Test
    void keysCommandNeedsOnlyTheJavaRuntimeNimbusAndTink() {
        ArchRule rule = classes().that().resideInAPackage(KEYS)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", NIMBUS, TINK, KEYS)
                .because("report-remove-keys.jar holds only the command, Nimbus and Tink: it reads no configuration"
                        + " and none of the service's classes");
        rule.check(production);
    }

    @Test
    void auditVerifierNeedsOnlyJdbcAndItsOwnClasses() {
        ArchRule rule = classes().that().haveNameMatching(AUDIT_VERIFIER)
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "javax.sql..")
                        .or(describe("the verifier's own classes",
                                // Arrays of its own types (an enum's values()) count as its own.
                                (JavaClass target) -> target.getBaseComponentType().getName().matches(AUDIT_VERIFIER))))
                .because("report-remove-audit-verify.jar holds only these classes and the JDBC drivers");
        rule.check(production);
    }
}
