package vn.citizenqa.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a message into sentences and a sentence into clauses, by character offsets. A sentence ends at
 * {@code ? ! ;} or a line break, and at {@code .} or {@code …} followed by a space or the end — so that
 * "1.500.000", "TP.HCM" and "59-X1 123.45" stay whole. A clause ends at a comma followed by a space.
 * Offsets are those of the text as received, trimmed of surrounding spaces; empty pieces are dropped.
 */
public final class Sentences {

    /**
     * One piece of the message: {@code [start, end)} in the text.
     *
     * @param question the piece has a question mark (a sentence) or is the last clause of a sentence that
     *                 has one
     */
    public record Span(int start, int end, boolean question) {

        public String of(String text) {
            return text.substring(start, end);
        }
    }

    private Sentences() {
    }

    public static List<Span> sentences(String text) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean hard = c == '?' || c == '!' || c == ';' || c == '\n' || c == '\r';
            boolean soft = (c == '.' || c == '…') && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)));
            if (!hard && !soft) {
                continue;
            }
            int end = i + 1;
            while (end < n && "?!.…;".indexOf(text.charAt(end)) >= 0) {
                end++; // "??", "!!!", "?." end the same sentence
            }
            add(out, text, start, end);
            start = end;
            i = end - 1;
        }
        add(out, text, start, n);
        return out;
    }

    /** The clauses of a sentence, in order; the last is a question when its sentence is. */
    public static List<Span> clauses(String text, Span sentence) {
        List<Span> out = new ArrayList<>();
        int start = sentence.start();
        for (int i = sentence.start(); i < sentence.end(); i++) {
            if (text.charAt(i) == ',' && i + 1 < sentence.end() && Character.isWhitespace(text.charAt(i + 1))) {
                addClause(out, text, start, i + 1, false);
                start = i + 1;
            }
        }
        addClause(out, text, start, sentence.end(), sentence.question());
        return out;
    }

    private static void add(List<Span> out, String text, int start, int end) {
        int[] t = trim(text, start, end);
        if (t != null) {
            out.add(new Span(t[0], t[1], text.substring(t[0], t[1]).indexOf('?') >= 0));
        }
    }

    private static void addClause(List<Span> out, String text, int start, int end, boolean question) {
        int[] t = trim(text, start, end);
        if (t != null) {
            out.add(new Span(t[0], t[1], question));
        }
    }

    private static int[] trim(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? new int[] {start, end} : null;
    }
}
