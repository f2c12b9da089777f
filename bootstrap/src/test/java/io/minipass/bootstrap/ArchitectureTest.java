package io.minipass.bootstrap;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The hexagon's boundaries, as a list of forbidden dependencies. */
class ArchitectureTest {
    private static final String DOMAIN = "io.minipass.domain..";
    private static final String APPLICATION = "io.minipass.application..";
    private static final String WEB = "io.minipass.adapters.web..";
    private static final String PERSISTENCE = "io.minipass.adapters.persistence..";
    private static final String PLATFORMS = "io.minipass.adapters.platforms..";
    private static final String STATE = "io.minipass.adapters.state..";
    private static final String JSON = "io.minipass.adapters.json..";
    private static final String BOOTSTRAP = "io.minipass.bootstrap..";

    private static JavaClasses production;
    private static final DescribedPredicate<JavaClass> ENTRY_POINTS = DescribedPredicate.describe(
            "the persistence adapter's entry point or settings", type -> java.util.Set.of("MyBatisPersistence",
                    "DatabaseSettings").contains(type.getSimpleName())
                    && type.getPackageName().equals("io.minipass.adapters.persistence"));

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.minipass");
    }

    @Test
    void every_module_was_imported() {
        for (String layer : new String[] {DOMAIN, APPLICATION, WEB, PERSISTENCE, PLATFORMS, STATE, JSON, BOOTSTRAP}) {
            String prefix = layer.substring(0, layer.length() - 2);
            assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith(prefix)))
                    .as("classes of %s", prefix).isTrue();
        }
    }

    @Test
    void domain_depends_on_nothing_but_the_jdk() {
        check(classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java.."));
    }

    @Test
    void application_depends_only_on_the_domain() {
        check(classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java.."));
    }

    @Test
    void no_framework_or_jdbc_type_in_domain_or_application() {
        check(noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.apache.ibatis..",
                        "com.fasterxml.jackson..", "java.sql..", "javax.sql..", "com.zaxxer..", "org.flywaydb..",
                        "com.github.benmanes..", "java.net.http..", "io.micrometer..", "io.prometheus.."));
    }

    @Test
    void web_adapter_depends_on_no_other_adapter() {
        checkNoDependencyFromTo(WEB, PERSISTENCE, PLATFORMS, STATE, BOOTSTRAP);
    }

    @Test
    void persistence_adapter_depends_on_no_other_adapter() {
        checkNoDependencyFromTo(PERSISTENCE, WEB, PLATFORMS, STATE, BOOTSTRAP);
    }

    @Test
    void platform_adapter_depends_on_no_other_adapter() {
        checkNoDependencyFromTo(PLATFORMS, WEB, PERSISTENCE, STATE, BOOTSTRAP);
    }

    @Test
    void the_shared_json_bounds_depend_on_no_adapter_and_nothing_of_ours() {
        checkNoDependencyFromTo(JSON, DOMAIN, APPLICATION, WEB, PERSISTENCE, PLATFORMS, STATE, BOOTSTRAP);
    }

    @Test
    void state_adapter_depends_on_no_other_adapter() {
        checkNoDependencyFromTo(STATE, WEB, PERSISTENCE, PLATFORMS, BOOTSTRAP);
    }

    @Test
    void incoming_ports_never_depend_on_outgoing_ones() {
        checkNoDependencyFromTo("io.minipass.application.port.in..", "io.minipass.application.port.out..");
    }

    @Test
    void outgoing_ports_never_depend_on_incoming_ones() {
        checkNoDependencyFromTo("io.minipass.application.port.out..", "io.minipass.application.port.in..");
    }

    @Test
    void only_bootstrap_sees_the_adapters() {
        checkNoDependencyFromTo(DOMAIN, WEB, PERSISTENCE, PLATFORMS, STATE, BOOTSTRAP);
        checkNoDependencyFromTo(APPLICATION, WEB, PERSISTENCE, PLATFORMS, STATE, BOOTSTRAP);
    }

    /** The command line runs the service; the service, its settings and its metrics know nothing of the command line. */
    @Test
    void only_the_command_line_and_main_see_the_command_line() {
        checkNoDependencyFromTo("io.minipass.bootstrap.wiring..", "io.minipass.bootstrap.cli..");
        checkNoDependencyFromTo("io.minipass.bootstrap.config..", "io.minipass.bootstrap.cli..");
        checkNoDependencyFromTo("io.minipass.bootstrap.observability..", "io.minipass.bootstrap.cli..");
    }

    /**
     * Outside the persistence adapter only its entry point and its settings are used, so nothing can wire a raw store
     * where the cached ports belong (docs/design.md, ADR-50).
     */
    @Test
    void outside_persistence_only_its_entry_point_and_settings_are_used() {
        check(noClasses().that().resideOutsideOfPackage(PERSISTENCE)
                .should().dependOnClassesThat(resideInAPackage(PERSISTENCE).and(not(ENTRY_POINTS))));
    }

    /** ... and they are all it makes public (a nested type counts when its enclosing type is public too). */
    @Test
    void the_persistence_adapter_makes_public_only_its_entry_point_and_settings() {
        assertThat(production.stream()
                .filter(type -> type.getPackageName().startsWith("io.minipass.adapters.persistence"))
                .filter(ArchitectureTest::reachableFromOutside)
                .map(JavaClass::getSimpleName))
                .containsExactlyInAnyOrder("MyBatisPersistence", "DatabaseSettings");
    }

    /**
     * The two ShopXO layouts share a package, not each other's classes: each store reads and writes through its own
     * mappers, rows and helpers, beside what both share (sessions, claims, schema, token cache) (ADR-50).
     */
    @Test
    void the_two_shopxo_layouts_do_not_use_each_other() {
        java.util.Set<String> userColumns = java.util.Set.of("UserColumnsStore", "Registration", "TokenColumn",
                "LiveUsers", "IdSlot", "IdSlots", "UserRowMapping", "UserRow", "UserInsert", "UserMapper",
                "UserIdentityMapper", "UserIdentityRow", "IssuedTokenMapper", "IssuedTokenRow");
        java.util.Set<String> platformRows = java.util.Set.of("PlatformRowsStore", "ChannelTokens", "LiveRows",
                "MemberCodes", "PlatformColumns", "PlatformUserRows", "PlatformUserRow", "PlatformUserMapper", "RowInsert");
        check(noClasses().that(persistenceClassOf(userColumns)).should().dependOnClassesThat(persistenceClassOf(platformRows)));
        check(noClasses().that(persistenceClassOf(platformRows)).should().dependOnClassesThat(persistenceClassOf(userColumns)));
    }

    /** A class of the persistence adapter named in the set, or nested in one. */
    private static DescribedPredicate<JavaClass> persistenceClassOf(java.util.Set<String> names) {
        String pkg = "io.minipass.adapters.persistence.";
        return DescribedPredicate.describe("persistence classes " + names, type -> type.getName().startsWith(pkg)
                && names.contains(type.getName().substring(pkg.length()).replaceAll("\\$.*", "")));
    }

    private static boolean reachableFromOutside(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.PUBLIC)
                && type.getEnclosingClass().map(ArchitectureTest::reachableFromOutside).orElse(true);
    }

    @Test
    void the_web_adapter_has_no_sql() {
        check(noClasses().that().resideInAPackage(WEB)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.apache.ibatis.."));
    }

    private static void checkNoDependencyFromTo(String from, String... to) {
        check(noClasses().that().resideInAPackage(from).should().dependOnClassesThat().resideInAnyPackage(to));
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
