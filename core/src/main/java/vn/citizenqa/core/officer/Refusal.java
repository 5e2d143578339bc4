package vn.citizenqa.core.officer;

import java.util.List;

/** Why the officer desk refused a request; each kind has its own answer at the edge (status and error code). */
public sealed interface Refusal {

    /** What went wrong, in words the caller can act on. */
    String message();

    /** The caller's role does not allow it (another unit's queue or figures, no unit on an officer's token). */
    record Forbidden(String message) implements Refusal {
    }

    /** No such escalation, or it belongs to a unit the caller does not serve (the same answer, on purpose). */
    record NotFound(String id) implements Refusal {
        @Override
        public String message() {
            return "no escalation " + id;
        }
    }

    /** A missing, malformed or out-of-range field or parameter. */
    record InvalidRequest(String message) implements Refusal {
    }

    record InvalidStatus(String given, List<String> validValues) implements Refusal {
        public InvalidStatus {
            validValues = List.copyOf(validValues);
        }

        @Override
        public String message() {
            return "unknown status '" + given + "'; valid: " + String.join(", ", validValues);
        }
    }

    record InvalidCursor() implements Refusal {
        @Override
        public String message() {
            return "the cursor is not one this API issued; start again without it";
        }
    }

    record UnknownProcedure(String id) implements Refusal {
        @Override
        public String message() {
            return "no procedure '" + id + "' in the knowledge base";
        }
    }

    /** Another officer holds the escalation. */
    record HeldByOther(String holder) implements Refusal {
        @Override
        public String message() {
            return holder + " holds this escalation";
        }
    }

    /** Nothing more can be done with a closed escalation. */
    record Closed(String id) implements Refusal {
        @Override
        public String message() {
            return "escalation " + id + " is closed";
        }
    }

    /** The channel's reply window has passed; nothing was sent. */
    record ReplyWindowClosed(ReplyWindow window, String message) implements Refusal {
    }

    /** A violation list with bad lines: nothing was imported. */
    record InvalidFile(List<vn.citizenqa.core.violations.ViolationFile.LineProblem> problems) implements Refusal {
        public InvalidFile {
            problems = List.copyOf(problems);
        }

        @Override
        public String message() {
            return "the file has " + problems.size() + " bad line(s) and nothing was imported; fix them and send it again";
        }
    }

    /** The channel did not accept the reply; nothing was recorded. */
    record ChannelFailed(String message) implements Refusal {
    }
}
