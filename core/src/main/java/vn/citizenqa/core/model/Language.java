package vn.citizenqa.core.model;

/** The language a reply is written in: the citizen's, as far as the assistant can tell. */
public enum Language {
    VIETNAMESE,
    ENGLISH
}
