package vn.citizenqa.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Why officers are asked to take a message: a closed set, each with its priority and the reason officers read. The
 * reason is written here once, in Vietnamese, for the officers' queue; code compares kinds, never reasons.
 */
public sealed interface EscalationKind {

    /** Someone is in danger now: URGENT, the numbers go back first. */
    record Emergency(String what) implements EscalationKind {
        public Emergency {
            Objects.requireNonNull(what, "what");
        }
    }

    /** A crime or incident reported. */
    record CrimeReport(List<String> what) implements EscalationKind {
        public CrimeReport {
            what = List.copyOf(what);
        }
    }

    /** A scam the citizen met or fell for. */
    record Scam(String what) implements EscalationKind {
        public Scam {
            Objects.requireNonNull(what, "what");
        }
    }

    /** A police question no procedure matches. */
    record UnmatchedQuestion() implements EscalationKind {
        public static final String REASON = "Câu hỏi chưa khớp thủ tục nào";
    }

    /** The citizen said the answer was wrong. */
    record WrongAnswer() implements EscalationKind {
        public static final String REASON = "người dân báo câu trả lời chưa đúng";
    }

    /** More messages in a minute than the limit allows: automatic replies pause, officers look. */
    record Flood() implements EscalationKind {
        public static final String REASON = "gửi quá nhiều tin nhắn trong một phút: tạm dừng trả lời tự động";
    }

    /** An image or file sent shortly after a report: evidence for it. */
    record ReportAttachment() implements EscalationKind {
        public static final String REASON = "hình ảnh/tệp gửi kèm tin báo";
    }

    /** The assistant failed on the words: an officer reads them. */
    record Unreadable() implements EscalationKind {
        public static final String REASON = "trợ lý không xử lý được tin nhắn này";
    }

    default Priority priority() {
        return switch (this) {
            case Emergency e -> Priority.URGENT;
            case CrimeReport c -> Priority.HIGH;
            case Scam s -> Priority.HIGH;
            case ReportAttachment r -> Priority.HIGH;
            case UnmatchedQuestion u -> Priority.NORMAL;
            case WrongAnswer w -> Priority.NORMAL;
            case Flood f -> Priority.NORMAL;
            case Unreadable u -> Priority.NORMAL;
        };
    }

    /** What the officers' queue shows as the reason. */
    default String reason() {
        return switch (this) {
            case Emergency e -> "Khẩn cấp: " + e.what();
            case CrimeReport c -> "Tin báo: " + String.join("; ", c.what());
            case Scam s -> "Lừa đảo: " + s.what();
            case UnmatchedQuestion u -> UnmatchedQuestion.REASON;
            case WrongAnswer w -> WrongAnswer.REASON;
            case Flood f -> Flood.REASON;
            case ReportAttachment r -> ReportAttachment.REASON;
            case Unreadable u -> Unreadable.REASON;
        };
    }

    /** A stable name for storing the kind, with {@link #detail()}; see {@link #restore}. */
    default String code() {
        return switch (this) {
            case Emergency e -> "EMERGENCY";
            case CrimeReport c -> "CRIME_REPORT";
            case Scam s -> "SCAM";
            case UnmatchedQuestion u -> "UNMATCHED_QUESTION";
            case WrongAnswer w -> "WRONG_ANSWER";
            case Flood f -> "FLOOD";
            case ReportAttachment r -> "REPORT_ATTACHMENT";
            case Unreadable u -> "UNREADABLE";
        };
    }

    /** The kind's own data as one string ("" when it has none). */
    default String detail() {
        return switch (this) {
            case Emergency e -> e.what();
            case CrimeReport c -> String.join("; ", c.what());
            case Scam s -> s.what();
            default -> "";
        };
    }

    /** The kind {@link #code()} and {@link #detail()} named; an unknown code is refused. */
    static EscalationKind restore(String code, String detail) {
        String d = detail == null ? "" : detail;
        return switch (Objects.requireNonNull(code, "code")) {
            case "EMERGENCY" -> new Emergency(d);
            case "CRIME_REPORT" -> new CrimeReport(d.isEmpty() ? List.of() : Arrays.asList(d.split("; ")));
            case "SCAM" -> new Scam(d);
            case "UNMATCHED_QUESTION" -> new UnmatchedQuestion();
            case "WRONG_ANSWER" -> new WrongAnswer();
            case "FLOOD" -> new Flood();
            case "REPORT_ATTACHMENT" -> new ReportAttachment();
            case "UNREADABLE" -> new Unreadable();
            default -> throw new IllegalArgumentException("unknown escalation kind '" + code + "'");
        };
    }
}
