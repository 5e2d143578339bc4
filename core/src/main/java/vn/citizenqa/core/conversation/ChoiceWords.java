package vn.citizenqa.core.conversation;

import java.util.Set;

import vn.citizenqa.core.answer.DetailOption;
import vn.citizenqa.core.answer.Feedback;
import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.text.Folding;

/**
 * What a tapped option means. The options this project offers carry payloads a citizen could also type ("2",
 * "Hữu ích"); a page's persistent menu, Get Started button or quick replies set up by other tools carry payloads of
 * their own making ("MENU_THU_TUC", {@code {"action":"x"}}), which mean nothing as words: those are read by the title
 * the citizen saw, or the text the quick reply sent.
 */
public final class ChoiceWords {

    /**
     * Get Started as tools set it: {@code GET_STARTED}, {@code get_started}, {@code __GET_STARTED__},
     * {@code GET_STARTED_PAYLOAD}, {@code getStarted}, and the button's titles "Get Started" and "Bắt đầu".
     */
    private static final Set<String> GET_STARTED = Set.of("getstarted", "getstartedpayload", "batdau");

    private ChoiceWords() {
    }

    /** Whether the option is the page's Get Started button, in any of the shapes it is configured with. */
    public static boolean isGetStarted(InboundMessage.Choice c) {
        return GET_STARTED.contains(squeezed(c.payload()))
                || (!isOurs(c.payload()) && c.title() != null && GET_STARTED.contains(squeezed(c.title())));
    }

    /** The words the option stands for: our payload, else the title or text the citizen saw. */
    public static String of(InboundMessage.Choice c) {
        if (isOurs(c.payload()) || c.title() == null || c.title().isBlank()) {
            return c.payload();
        }
        return c.title();
    }

    /** A payload this project puts on its options: a candidate's number, a feedback label or a detail's label. */
    static boolean isOurs(String payload) {
        String p = payload == null ? "" : payload.strip();
        return p.matches("[1-9]") || Feedback.of(p).isPresent() || DetailOption.of(p).isPresent();
    }

    private static String squeezed(String s) {
        return s == null ? "" : Folding.fold(s).replaceAll("[^\\p{L}\\p{N}]+", "").toLowerCase(java.util.Locale.ROOT);
    }
}
