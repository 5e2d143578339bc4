package vn.citizenqa.indexbuilder;

/** One thing wrong in a knowledge file: which file, which field, what. */
public record KnowledgeProblem(String file, String field, String problem) {

    @Override
    public String toString() {
        return file + ": " + (field == null ? "" : "field '" + field + "': ") + problem;
    }
}
