package vn.citizenqa.core;

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

    /** No cycle between core's packages, and no exception to that. */
    @ArchTest
    static final ArchRule corePackagesDependInwardWithoutCycles = slices()
            .matching("vn.citizenqa.core.(*)..")
            .should().beFreeOfCycles()
            .because("a package that needs another is further out than it, never also further in");

    /**
     * The model (decisions, procedures, conversation keys, violations and plate look-ups as values) is the innermost
     * layer; the ports that store those values live with their use cases ({@code violations.ViolationRecords}) or in
     * {@code store}.
     */
    @ArchTest
    static final ArchRule theModelDependsOnNothingElseInCore = classes()
            .that().resideInAPackage("vn.citizenqa.core.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("vn.citizenqa.core.model..", "java..")
            .because("the model is the innermost layer");
}
