package vn.citizenqa.core.analysis;

import java.util.List;

/**
 * How a message reads as an officer reads it: its sentences, which of them ask, and the role of every
 * word — part of what is asked, of the story around it, of the wrapper (greeting, preamble, thanks,
 * signature) or a name, place, number or date that carries no procedure meaning. Built by
 * {@link MessageCues#read}; positions are those of the {@link TokenGraph}.
 */
public final class MessageStructure {

    /** What a word is in the message. */
    public enum Role {
        /** in a sentence that asks (or anywhere, when no sentence asks) */
        ASKED,
        /** in a sentence that tells the story around the question: context, not evidence against a match */
        STORY,
        /** the address, preamble, thanks or signature around the message */
        WRAPPER,
        /** a place, person's name, number, date, amount or age */
        NEUTRAL
    }

    private final Role[] roles;
    private final List<Sentences.Span> sentences;
    private final List<Sentences.Span> asking;
    private final boolean thanks;

    MessageStructure(Role[] roles, List<Sentences.Span> sentences, List<Sentences.Span> asking, boolean thanks) {
        this.roles = roles;
        this.sentences = List.copyOf(sentences);
        this.asking = List.copyOf(asking);
        this.thanks = thanks;
    }

    /** The role of the word at a graph position (ASKED beyond the message's words). */
    public Role role(int position) {
        return position >= 0 && position < roles.length && roles[position] != null ? roles[position] : Role.ASKED;
    }

    /** Whether the word at a position is evidence for or against a procedure (asked or story). */
    public boolean meaningful(int position) {
        Role r = role(position);
        return r == Role.ASKED || r == Role.STORY;
    }

    public List<Sentences.Span> sentences() {
        return sentences;
    }

    /** The sentences that ask something, in order: several mean several questions (or one asked twice). */
    public List<Sentences.Span> asking() {
        return asking;
    }

    /** Whether some sentence asks (a question mark, a question word, a preamble such as "cho em hỏi"). */
    public boolean asks() {
        return !asking.isEmpty();
    }

    /** Whether the message thanks or praises ("cảm ơn", "nhiệt tình quá", "chúc các anh…"). */
    public boolean thanks() {
        return thanks;
    }

    /** The asking sentences of the text, joined; the whole text when none asks. */
    public String askedText(String text) {
        if (asking.isEmpty()) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        for (Sentences.Span s : asking) {
            b.append(s.of(text)).append(' ');
        }
        return b.toString().strip();
    }

    /** How many words have each role, in the order of {@link Role}: for the explain output and tests. */
    public int[] counts() {
        int[] out = new int[Role.values().length];
        for (Role r : roles) {
            if (r != null) {
                out[r.ordinal()]++;
            }
        }
        return out;
    }
}
