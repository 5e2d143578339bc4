package vn.citizenqa.indexbuilder.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import vn.citizenqa.core.Assistant;
import vn.citizenqa.core.model.Procedure;

/** The repository's knowledge base, built into an assistant once for all the tests of this JVM. */
final class TestKnowledge {

    static final Path DIR = Path.of(System.getProperty("knowledge.dir", "../knowledge"));
    static final LocalAssistant LOCAL = build();

    private TestKnowledge() {
    }

    private static LocalAssistant build() {
        try {
            return LocalAssistant.build(DIR);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the knowledge base of " + DIR, e);
        }
    }

    static Assistant assistant() {
        return LOCAL.assistant();
    }

    static List<Procedure> procedures() {
        return LOCAL.procedures();
    }

    static Set<String> ids() {
        return procedures().stream().map(Procedure::id).collect(Collectors.toSet());
    }

    static List<LabelledQuestion> questions(String file) {
        try {
            return LabelledQuestion.read(DIR.resolve("eval").resolve(file), ids());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
