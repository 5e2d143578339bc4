package vn.citizenqa.core.model;

/** A procedure the search found likely, with its normalised score in [0,1]. */
public record Candidate(String id, String title, double score) {
}
