package vn.citizenqa.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of the layout (DESIGN.md): {@code core} is plain Java, knows no edge, and its packages depend inward. */
@AnalyzeClasses(packages = "vn.citizenqa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreKnowsNothingOfAwsHttpJsonOrTheAdapters = noClasses()
            .that().resideInAPackage("vn.citizenqa.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "com.fasterxml.jackson..", "java.net.http..",
                    "com.sun.net.httpserver..", "org.yaml..", "org.crac..",
                    "vn.citizenqa.functions..", "vn.citizenqa.runner..", "vn.citizenqa.standin..", "vn.citizenqa.index..")
            .because("core is the domain; adapters at the edge translate to and from it");

    /**
     * Two known cycles are let through, each by one edge only (remove an exception once its cycle is gone):
     * the use cases in {@code violations} ({@code ViolationImport}, {@code PlateLookup}) call the {@code store} ports,
     * whose records carry a {@code Violation}; and the {@code store}'s stored draft ({@code ReplyDraft.Send}) holds a
     * {@code channel.OutboundReply} while {@code channel}'s messages are keyed by {@code store.ConversationKey}.
     * Any other cycle fails.
     */
    @ArchTest
    static final ArchRule corePackagesDependInwardWithoutCycles = slices()
            .matching("vn.citizenqa.core.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("vn.citizenqa.core.violations.."), resideInAPackage("vn.citizenqa.core.store.."))
            .ignoreDependency(resideInAPackage("vn.citizenqa.core.store.."), resideInAPackage("vn.citizenqa.core.channel.."))
            .because("a package that needs another is further out than it, never also further in");

    /**
     * Known exception: {@code Reply.PlateLookups} carries {@code violations.PlateLookup} values (the plate look-up's
     * answer); {@code violations} must then never depend on the model, which the cycle rule above checks.
     */
    @ArchTest
    static final ArchRule theModelDependsOnNothingElseInCore = classes()
            .that().resideInAPackage("vn.citizenqa.core.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("vn.citizenqa.core.model..", "vn.citizenqa.core.violations..", "java..")
            .because("the model is the innermost layer");
}
