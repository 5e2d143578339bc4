package vn.citizenqa.core.model;

import java.util.Locale;

/** The parts of a procedure a follow-up question can ask for. */
public enum ProcedureField {
    FEE, ONLINE, DOCUMENTS, TIME, PLACE;

    public static ProcedureField of(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
