package vn.citizenqa.indexbuilder;

import java.util.List;
import java.util.stream.Collectors;

/** The knowledge base cannot be built; every problem found is listed, not just the first. */
public final class InvalidKnowledgeException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<KnowledgeProblem> problems;

    public InvalidKnowledgeException(List<KnowledgeProblem> problems) {
        super(problems.size() + " problem(s) in the knowledge base:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<KnowledgeProblem> problems() {
        return problems;
    }
}
