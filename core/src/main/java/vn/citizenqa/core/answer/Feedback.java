package vn.citizenqa.core.answer;

import java.util.Optional;

import vn.citizenqa.core.text.Folding;

/** The citizen's verdict on an answer: the two options offered under it, tapped or typed. */
public enum Feedback {
    HELPFUL("Hữu ích"),
    WRONG("Chưa đúng");

    private final String label;

    Feedback(String label) {
        this.label = label;
    }

    /** What the option shows and sends back (a Zalo button sends it as the citizen's text). */
    public String label() {
        return label;
    }

    /** The feedback a message gives, when the whole message is one of the labels (any case, with or without marks). */
    public static Optional<Feedback> of(String text) {
        String folded = normalise(text);
        for (Feedback f : values()) {
            if (folded.equals(normalise(f.label))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String text) {
        return Folding.fold(text == null ? "" : text).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
