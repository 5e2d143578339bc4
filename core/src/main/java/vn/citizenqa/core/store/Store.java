package vn.citizenqa.core.store;

import vn.citizenqa.core.violations.ViolationRecords;

/**
 * Everything citizen-qa keeps, in domain words. Two implementations honour the same contract (one
 * contract test suite runs against both): {@link InProcessStore} for the local runner and tests, and the
 * DynamoDB store in {@code functions}. Every write is a single-item write; every state change is
 * conditional on the state the caller saw, so concurrent deliveries and officers cannot overwrite each other.
 * Any operation may throw {@link StoreUnavailableException}.
 */
public interface Store {

    /** Inbound message claims: each platform message is worked on once, RECEIVED → DECIDED → SENT. */
    MessageClaims messages();

    /** Conversations with one citizen on one page: the follow-up state and the (expiring) messages. */
    Conversations conversations();

    /** Questions and reports handed to officers, and each unit's queue of them. */
    Escalations escalations();

    /** Which unit a page belongs to, and its channel tokens. */
    PageRegistry pages();

    /** Daily figures per unit. */
    DailyCounters counters();

    /** Officers' proposals of new sample questions for the knowledge base. */
    Suggestions suggestions();

    /** Messages per citizen and minute, for the rate limit. */
    MessageRates rates();

    /** Officers' reply requests by idempotency key, so that a repeated request never sends twice. */
    ReplyRequests replyRequests();
    /** The units: names, provinces, and which were merged into which. */
    UnitRegistry units();

    /** Camera-recorded traffic violations by plate. */
    ViolationRecords violations();
}
