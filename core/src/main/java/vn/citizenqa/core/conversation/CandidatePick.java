package vn.citizenqa.core.conversation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.citizenqa.core.text.Folding;

/**
 * A reply choosing one of the procedures a CLARIFY offered: "2", "số 2", "2." — typed, or sent back by a
 * quick reply or a Zalo button whose payload is the number.
 */
public final class CandidatePick {

    private static final Pattern NUMBER = Pattern.compile("^(?:so|chon|cau)?\\s*#?([1-9])\\s*[.)]?$");

    private CandidatePick() {
    }

    /** Whether the text is only a choice by number ("2", "số 2"), whatever was offered. */
    public static boolean isNumberChoice(String text) {
        return text != null && NUMBER.matcher(Folding.fold(text).strip()).matches();
    }

    /** The id of the candidate picked, when the text is a number within the offered list. */
    public static Optional<String> of(String text, List<String> offeredIds) {
        if (text == null || offeredIds.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(Folding.fold(text).strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        return n <= offeredIds.size() ? Optional.of(offeredIds.get(n - 1)) : Optional.empty();
    }
}
