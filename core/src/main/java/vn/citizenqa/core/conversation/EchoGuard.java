package vn.citizenqa.core.conversation;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.citizenqa.core.answer.EnglishReplies;
import vn.citizenqa.core.answer.Replies;
import vn.citizenqa.core.knowledge.KnowledgeBase;
import vn.citizenqa.core.model.Procedure;
import vn.citizenqa.core.model.ProcedureField;

/**
 * Keeps a citizen's links and phone numbers out of the page's replies. A reply that quoted the citizen would have the
 * police page repeat whatever number or link was typed into it — a scammer's "hotline" would then come from the
 * page itself. So every link or phone number in a reply that also occurs in the citizen's message is replaced,
 * unless the assistant says it anyway: the links and numbers of the knowledge base's own answers are kept.
 */
public final class EchoGuard {

    static final String HIDDEN_LINK = "[liên kết đã ẩn]";
    static final String HIDDEN_PHONE = "[số điện thoại đã ẩn]";

    private static final Pattern LINK = Pattern.compile(
            "(?i)(?:https?://|www\\.)[^\\s<>\"]+|\\b[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.(?:com|vn|net|org|info|io|xyz|top|me|co"
                    + "|app|link|site|online|shop|club|biz|cc|tk|ly|gl|ru|cn)\\b(?:/[^\\s<>\"]*)?");
    /** Eight or more digits, possibly grouped by spaces, dots or dashes, possibly after '+': any phone-like number. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\p{L}\\p{N}])\\+?\\d(?:[ .\\-]?\\d){7,}(?![\\p{L}\\p{N}])");

    private final Set<String> trusted = new HashSet<>();

    /** Trusts what the knowledge base's own answers say: every procedure's answer and each of its fields. */
    public EchoGuard(KnowledgeBase knowledge) {
        for (Procedure p : knowledge.procedures()) {
            trust(Replies.answer(p));
            trust(EnglishReplies.answer(p));
            trust(EnglishReplies.detail(p));
            for (ProcedureField f : ProcedureField.values()) {
                trust(Replies.field(p, f));
            }
        }
    }

    private void trust(String text) {
        forEach(LINK, text, m -> trusted.add(link(m)));
        forEach(PHONE, text, m -> trusted.add(phone(m)));
    }

    /** The reply with the citizen's own links and phone numbers (those the knowledge base does not say) hidden. */
    public String clean(String reply, String citizenText) {
        if (reply == null || reply.isEmpty() || citizenText == null || citizenText.isEmpty()) {
            return reply;
        }
        Set<String> theirs = new HashSet<>();
        forEach(LINK, citizenText, m -> theirs.add(link(m)));
        forEach(PHONE, citizenText, m -> theirs.add(phone(m)));
        theirs.removeAll(trusted);
        if (theirs.isEmpty()) {
            return reply;
        }
        String out = LINK.matcher(reply).replaceAll(m -> Matcher.quoteReplacement(
                theirs.contains(link(m.group())) ? HIDDEN_LINK : m.group()));
        return PHONE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                theirs.contains(phone(m.group())) ? HIDDEN_PHONE : m.group()));
    }

    private static void forEach(Pattern p, String text, java.util.function.Consumer<String> found) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.accept(m.group());
        }
    }

    /** A link as compared: lower case, without the scheme, "www." and trailing punctuation. */
    private static String link(String s) {
        String l = s.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        return l.replaceAll("[.,;:!?)\\]]+$", "");
    }

    /** A number as compared: its digits, with the country code +84/84 read as the leading 0. */
    private static String phone(String s) {
        String digits = s.replaceAll("\\D", "");
        return digits.startsWith("84") && digits.length() >= 11 ? "0" + digits.substring(2) : digits;
    }
}
