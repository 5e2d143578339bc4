package vn.citizenqa.functions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of the functions' layout (DESIGN.md): thin handlers over adapters, one wiring class. The Lambda handlers
 * are the {@code *Handler} classes of {@code vn.citizenqa.functions} (template.yaml names them; TemplateTest checks
 * each is a {@code RequestHandler}).
 */
@AnalyzeClasses(packages = "vn.citizenqa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule handlersOnlyTranslateEventsAndCallIn = noClasses()
            .that().resideInAPackage("vn.citizenqa.functions").and().haveSimpleNameEndingWith("Handler")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon.awssdk..", "org.apache.lucene..", "java.net.http..", "vn.citizenqa.functions.dynamo..",
                    "vn.citizenqa.core.search..", "vn.citizenqa.core.analysis..", "vn.citizenqa.core.triage..")
            .because("a handler is a thin translation from an event to a call and back; Wiring builds what it calls");

    @ArchTest
    static final ArchRule onlyTheWiringKnowsTheDynamoDbAdapter = noClasses()
            .that().resideOutsideOfPackage("vn.citizenqa.functions.dynamo..")
            .and().doNotHaveFullyQualifiedName(Wiring.class.getName())
            .should().dependOnClassesThat().resideInAPackage("vn.citizenqa.functions.dynamo..")
            .because("everything else sees the store through core's ports");

    @ArchTest
    static final ArchRule adaptersNeverReachBackToTheHandlers = noClasses()
            .that().resideInAnyPackage("vn.citizenqa.functions.*..", "vn.citizenqa.core..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Handler")
            .because("handlers are the outermost layer of the functions");

    @ArchTest
    static final ArchRule theFunctionsKnowNothingOfTheLocalRunner = noClasses()
            .that().resideInAPackage("vn.citizenqa.functions..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.citizenqa.runner..", "vn.citizenqa.standin..", "org.yaml..")
            .because("the Lambda package holds what Lambda runs and nothing else");
}
