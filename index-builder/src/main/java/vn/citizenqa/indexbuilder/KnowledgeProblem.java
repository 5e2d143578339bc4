package vn.citizenqa.indexbuilder;

/** One thing wrong in a knowledge file: which file, which line (when known), which field, what. */
public record KnowledgeProblem(String file, Integer line, String field, String problem) {

    public KnowledgeProblem(String file, String field, String problem) {
        this(file, null, field, problem);
    }

    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line) + ": " + (field == null ? "" : "field '" + field + "': ") + problem;
    }
}
