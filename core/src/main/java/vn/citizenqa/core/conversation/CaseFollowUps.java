package vn.citizenqa.core.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.core.channel.InboundMessage;
import vn.citizenqa.core.model.Action;
import vn.citizenqa.core.model.Decision;
import vn.citizenqa.core.model.EscalationKind;
import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.model.Language;
import vn.citizenqa.core.model.Reply;
import vn.citizenqa.core.store.CaseAddition;
import vn.citizenqa.core.store.CaseRef;

/**
 * What the citizen sends after an emergency or a report that belongs to its case: where it happens (a shared
 * location) and how to reach them (Zalo's information form). Pure, like the policy it serves.
 */
final class CaseFollowUps {

    /** How soon after an emergency or report a shared location joins its case. */
    static final Duration LOCATION_WINDOW = Duration.ofHours(1);
    /** How soon after an emergency or report submitted contact details join its case. */
    static final Duration CONTACT_WINDOW = Duration.ofDays(1);

    private CaseFollowUps() {
    }

    /** Whether a decision opens a case later messages may join: an emergency, a crime report, a scam. */
    static boolean opensCase(Decision d) {
        return opensCase(d.escalation());
    }

    /** Whether an escalation of this kind opens a case that later locations and contact details join. */
    static boolean opensCase(EscalationKind kind) {
        return kind instanceof EscalationKind.Emergency || kind instanceof EscalationKind.CrimeReport
                || kind instanceof EscalationKind.Scam;
    }

    static Decided location(InboundMessage.Location l, Incoming in) {
        Optional<Turn.CaseJoin> join = join(in);
        if (join.isEmpty()) {
            return new Decided(chat(Intent.SMALL_TALK, new Reply.WhatHappensThere(l.placeName())), List.of());
        }
        Intent intent = in.openCase().get().orElseThrow().intent();
        return new Decided(chat(intent, new Reply.LocationJoinsCase(l.placeName(), intent == Intent.EMERGENCY)), List.of(),
                join, false);
    }

    static Decided contact(Incoming in) {
        Optional<Turn.CaseJoin> join = join(in);
        if (join.isEmpty()) {
            return new Decided(chat(Intent.SMALL_TALK, new Reply.ContactKept()), List.of());
        }
        return new Decided(chat(in.openCase().get().orElseThrow().intent(), new Reply.ContactJoinsCase()), List.of(), join, false);
    }

    /** What the message adds to the open case, when it is a location or contact details sent within their window. */
    static Optional<Turn.CaseJoin> join(Incoming in) {
        InboundMessage.FromCitizen m = in.message() instanceof InboundMessage.Standby s ? s.message() : in.message();
        Duration window;
        CaseAddition addition;
        switch (m) {
            case InboundMessage.Location l -> {
                window = LOCATION_WINDOW;
                addition = new CaseAddition.SharedLocation(l.messageId(), in.at(), l.point(), l.placeName());
            }
            case InboundMessage.ContactDetails c -> {
                window = CONTACT_WINDOW;
                addition = new CaseAddition.SharedContact(c.messageId(), in.at(), c.name(), c.phone(), c.address());
            }
            default -> {
                return Optional.empty();
            }
        }
        Optional<CaseRef> open = in.state().lastCase() == null || in.state().lastCase().at().isBefore(in.at().minus(window))
                ? Optional.empty() : in.openCase().get();
        return open.map(c -> new Turn.CaseJoin(c.escalationId(), addition));
    }

    private static Decision chat(Intent intent, Reply reply) {
        return new Decision(intent, Action.CHAT, null, List.of(), 1.0, null, reply, Language.VIETNAMESE);
    }
}
