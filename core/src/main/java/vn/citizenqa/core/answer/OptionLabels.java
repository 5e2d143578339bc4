package vn.citizenqa.core.answer;

import vn.citizenqa.core.text.Folding;

/** Whether a message is exactly an option's label, as a tap sends it or a citizen types it. */
final class OptionLabels {

    private OptionLabels() {
    }

    /** The whole message is the label, in any case, with or without marks and punctuation. */
    static boolean same(String text, String label) {
        return normalise(text).equals(normalise(label));
    }

    private static String normalise(String text) {
        return Folding.fold(text == null ? "" : text).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
