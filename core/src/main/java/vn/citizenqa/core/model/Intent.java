package vn.citizenqa.core.model;

/** What a citizen's message is, as triage sees it. */
public enum Intent {
    PROCEDURE, EMERGENCY, CRIME_REPORT, SMALL_TALK, OUT_OF_SCOPE,
    /** "Is this a scam?": answered with a warning of knowledge/warnings. */
    SCAM_CHECK
}
