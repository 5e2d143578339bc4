package vn.citizenqa.core.model;

/** How soon officers must look at an escalation; declared most urgent first. */
public enum Priority {
    URGENT, HIGH, NORMAL
}
