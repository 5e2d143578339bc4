package vn.citizenqa.core.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import vn.citizenqa.core.analysis.CueMatcher.Cue;
import vn.citizenqa.core.analysis.CueMatcher.Match;
import vn.citizenqa.core.analysis.TokenGraph;

/**
 * How each of another agency's words sits in its clause (the cues of {@code triage/out-of-scope-context.txt}): the
 * matter acted on or asked about ("làm giấy khai sinh ở đâu", "đăng ký kết hôn cần gì"), or context — something
 * compared with ("năm sinh trên VNeID sai so với giấy khai sinh", "giấy khai sinh không khớp"), a paper had or
 * brought ("mang giấy đăng ký kết hôn", "đã có sổ hồng"), or something already done ("sau khi kết hôn", "đổi tên
 * trong giấy khai sinh rồi"). A cue counts only within the word's clause, next to it or {@link #NEAR} words away.
 * Thread-safe; build once.
 */
public final class OtherAgencyMentions {

    public static final String FILE = "triage/out-of-scope-context.txt";
    /** The most words between a cue and the word it reads ("đã hoàn tất việc đăng ký giấy khai sinh": none). */
    static final int NEAR = 2;
    static final Set<String> KINDS = Set.of("compared", "unlike", "held", "done", "over", "paper");

    /** What the word is in its clause. */
    public enum Role {
        /** the matter the clause acts on or asks about */
        ASKED,
        /** compared with ("so với", "không khớp") */
        COMPARED,
        /** a paper had or brought ("có", "mang") */
        HELD,
        /** done already ("đã", "sau khi", "… rồi") */
        DONE;

        public boolean context() {
            return this != ASKED;
        }
    }

    /**
     * One of another agency's words (several overlapping cues read as one: "giấy đăng ký kết hôn"), at graph
     * positions {@code [from, to)} and characters {@code [start, end)}.
     */
    public record Mention(String words, int from, int to, int start, int end, Role role) {
    }

    private final SituationMatcher markers;
    /** The folded first syllables of papers ("giay", "so", "the"): only a paper is had or brought. */
    private final Set<String> papers;

    OtherAgencyMentions(List<Cue<String>> cues) {
        check(cues);
        this.markers = new SituationMatcher(cues.stream().filter(c -> !c.value().equals("paper")).toList(), false, false);
        this.papers = cues.stream().filter(c -> c.value().equals("paper")).map(c -> String.join(" ", c.folded()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Refuses a cue of an unknown kind (so that the build refuses it). */
    static void check(List<Cue<String>> cues) {
        for (Cue<String> c : cues) {
            if (!KINDS.contains(c.value())) {
                throw new IllegalArgumentException(FILE + ": '" + c.phrase() + "' has kind '" + c.value()
                        + "', expected one of " + KINDS);
            }
        }
    }

    /** The mentions of the cues found (out-of-scope matches), overlapping ones merged, in order. */
    List<Mention> read(TokenGraph graph, List<Match<String>> found, boolean accented) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Match<String>> sorted = new ArrayList<>(found);
        sorted.sort(java.util.Comparator.comparingInt(Match::from));
        List<int[]> spans = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (Match<String> m : sorted) {
            int[] last = spans.isEmpty() ? null : spans.getLast();
            if (last != null && m.from() < last[1]) {
                if (m.to() > last[1]) {
                    last[1] = m.to();
                }
                if (m.cue().syllables().size() > words.getLast().split(" ").length) {
                    words.set(words.size() - 1, String.join(" ", m.cue().folded()));
                }
            } else {
                spans.add(new int[] {m.from(), m.to()});
                words.add(String.join(" ", m.cue().folded()));
            }
        }
        List<Match<String>> marks = markers.find(graph, accented);
        String text = graph.text();
        List<Mention> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            int from = spans.get(i)[0];
            int to = spans.get(i)[1];
            int start = startOf(graph, from);
            int end = endOf(graph, to);
            Role role = Role.ASKED;
            if (start >= 0 && end >= 0) {
                boolean paper = papers.stream().anyMatch(p -> text.length() >= end
                        && vn.citizenqa.core.text.Folding.fold(text.substring(start, end)).startsWith(p + " "));
                for (Match<String> m : marks) {
                    Role r = roleOf(graph, text, m, start, end, paper);
                    if (r != null) {
                        role = r;
                        break;
                    }
                }
            }
            out.add(new Mention(words.get(i), from, to, start, end, role));
        }
        return out;
    }

    /** The role a marker gives a word at characters [start, end), or null when it reads nothing of it. */
    private static Role roleOf(TokenGraph graph, String text, Match<String> m, int start, int end, boolean paper) {
        int ms = startOf(graph, m.from());
        int me = endOf(graph, m.to());
        if (ms < 0 || me < 0) {
            return null;
        }
        String kind = m.cue().value();
        boolean before = me <= start && nearInClause(text, me, start);
        boolean after = ms >= end && nearInClause(text, end, ms);
        return switch (kind) {
            case "compared" -> before ? Role.COMPARED : null;
            case "unlike" -> after ? Role.COMPARED : null;
            case "held" -> before && paper ? Role.HELD : null;
            case "done" -> before ? Role.DONE : null;
            case "over" -> after ? Role.DONE : null;
            default -> null;
        };
    }

    /** Whether the text between two offsets is at most {@link #NEAR} words of one clause. */
    static boolean nearInClause(String text, int from, int to) {
        if (from > to || to > text.length()) {
            return false;
        }
        String between = text.substring(from, to);
        for (int i = 0; i < between.length(); i++) {
            if (",.;:?!()[]\n\r\"“”".indexOf(between.charAt(i)) >= 0) {
                return false;
            }
        }
        String s = between.strip();
        return s.isEmpty() || s.split("\\s+").length <= NEAR;
    }

    /** The first character of the words at a graph position, or -1. */
    static int startOf(TokenGraph graph, int position) {
        int out = -1;
        for (TokenGraph.Edge e : graph.from(position)) {
            if (out < 0 || e.start() < out) {
                out = e.start();
            }
        }
        return out;
    }

    /** The character after the words that end at a graph position, or -1. */
    static int endOf(TokenGraph graph, int position) {
        int out = -1;
        for (TokenGraph.Edge e : graph.edges()) {
            if (e.to() == position && e.end() > out) {
                out = e.end();
            }
        }
        return out;
    }
}
