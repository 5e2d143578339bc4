package vn.citizenqa.core.answer;

import java.util.Optional;


/** The citizen's verdict on an answer, typed (or tapped where a channel offers it). */
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
        for (Feedback f : values()) {
            if (OptionLabels.same(text, f.label)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
