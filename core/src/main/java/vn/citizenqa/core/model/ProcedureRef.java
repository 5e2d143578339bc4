package vn.citizenqa.core.model;

/** A procedure named in a decision: its id and title. */
public record ProcedureRef(String id, String title) {
}
