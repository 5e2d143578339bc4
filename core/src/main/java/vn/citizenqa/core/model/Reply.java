package vn.citizenqa.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a reply says, decided without its words: the drafter writes them per language and channel. A closed set, so
 * every kind of reply has its wording on purpose.
 */
public sealed interface Reply {

    /**
     * What a reply adds about the rest of a message (issue 14): the titles of the other procedures it also asks about
     * (never dropped silently), and lines from the knowledge files for what the page does not answer (a fine, a
     * complaint) or for an old term ("sổ hộ khẩu" no longer exists).
     */
    record Rest(List<String> otherQuestions, List<String> notes) {
        public static final Rest NONE = new Rest(List.of(), List.of());

        public Rest {
            otherQuestions = List.copyOf(otherQuestions);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The first answer to a procedure question: short, with options for the details.
     *
     * @param chosen whether the citizen picked it among the candidates offered just before
     */
    record ProcedureAnswer(Procedure procedure, boolean chosen, ProcedureField asked, Rest rest) implements Reply {
        public ProcedureAnswer {
            Objects.requireNonNull(procedure, "procedure");
            Objects.requireNonNull(rest, "rest");
        }

        /** An answer to a message that asked about one field ({@code asked}, or null for none in particular). */
        public ProcedureAnswer(Procedure procedure, boolean chosen, ProcedureField asked) {
            this(procedure, chosen, asked, Rest.NONE);
        }

        /** An answer to a message that asked about no field in particular. */
        public ProcedureAnswer(Procedure procedure, boolean chosen) {
            this(procedure, chosen, null, Rest.NONE);
        }
    }

    /**
     * What a traffic violation costs, first for the vehicles the message names (every vehicle when none); with the
     * procedure the same message also asks (getting an impounded vehicle back), or null.
     */
    record FineAnswer(Procedure fine, Set<Penalty.Vehicle> vehicles, Procedure procedure) implements Reply {
        public FineAnswer {
            Objects.requireNonNull(fine, "fine");
            vehicles = Set.copyOf(vehicles);
        }
    }

    /** One field of the procedure being discussed ("lệ phí bao nhiêu?", or a tap on "Lệ phí"). */
    record ProcedureDetail(Procedure procedure, ProcedureField field) implements Reply {
        public ProcedureDetail {
            Objects.requireNonNull(procedure, "procedure");
            Objects.requireNonNull(field, "field");
        }
    }

    /** Which of these procedures the citizen means, to pick by number or button: at most {@link #MAX} of them. */
    record Choice(List<Candidate> candidates, Rest rest) implements Reply {
        /** More than three is a list to read, not a choice. */
        public static final int MAX = 3;

        public Choice {
            candidates = List.copyOf(candidates.subList(0, Math.min(MAX, candidates.size())));
            Objects.requireNonNull(rest, "rest");
        }

        public Choice(List<Candidate> candidates) {
            this(candidates, Rest.NONE);
        }
    }

    /** The emergency numbers first, most relevant first (113 when none is known). */
    record EmergencyNumbers(List<String> numbers) implements Reply {
        public EmergencyNumbers {
            numbers = List.copyOf(numbers);
        }
    }

    /** A report was passed to officers. */
    record ReportReceived() implements Reply {
    }

    /** A question nobody could match was passed to officers. */
    record PassedToOfficers() implements Reply {
    }

    /** Small talk: a greeting and what the page helps with. */
    record Greeting() implements Reply {
    }

    /** Outside what the page handles; {@code handledBy} names who does, when known, else null. */
    record Declined(String handledBy) implements Reply {
    }

    /** A new follower (or Messenger's "Get Started"): what the page helps with. */
    record Welcome(String pageName) implements Reply {
        public Welcome {
            Objects.requireNonNull(pageName, "pageName");
        }
    }

    /** Something without words that belongs to nothing: ask for words. */
    record AskForWords() implements Reply {
    }

    /** An image or file sent shortly after a report: it joins the report. */
    record AttachmentJoinsReport() implements Reply {
    }

    /** The one notice on passing the per-minute limit. */
    record Paused() implements Reply {
    }

    /** The citizen found the answer helpful. */
    record ThanksForFeedback() implements Reply {
    }

    /** A shared location joined the citizen's open case ({@code placeName} may be null). */
    record LocationJoinsCase(String placeName, boolean emergency) implements Reply {
    }

    /** A shared location with no case open: what is happening there? */
    record WhatHappensThere(String placeName) implements Reply {
    }

    /** Contact details joined the citizen's open case. */
    record ContactJoinsCase() implements Reply {
    }

    /** Contact details with no case open: kept with the conversation. */
    record ContactKept() implements Reply {
    }

    /** The citizen said the answer was wrong: officers take it. */
    record WrongAnswerPassedOn() implements Reply {
    }

    /**
     * A scam suffered: the report is with officers; what to do in the next minutes.
     *
     * @param warning the trick of knowledge/warnings the message names, or null
     */
    record ScamSteps(ScamWarning warning) implements Reply {
    }

    /**
     * A trick being worked on the citizen or theirs now, nothing lost yet: the trick's warning (or the general rules),
     * and word that officers have the case.
     *
     * @param warning the trick the message names, or null
     */
    record ScamUnderWay(ScamWarning warning) implements Reply {
    }

    /**
     * "Is this a scam?": the trick's warning (signs, what to do, the law, the source), then the offer to report.
     *
     * @param warning the trick the message names, or null for the general rules
     */
    record ScamCheckAnswer(ScamWarning warning) implements Reply {
    }

    /**
     * What the camera-recorded violations say of the plates the citizen named, and the procedure the message also
     * asked about (null when it asked nothing more).
     */
    record PlateLookups(List<vn.citizenqa.core.model.PlateLookup> lookups, Procedure asked) implements Reply {
        public PlateLookups {
            lookups = List.copyOf(lookups);
            if (lookups.isEmpty()) {
                throw new IllegalArgumentException("a plate look-up names at least one plate");
            }
        }
    }
}
