package vn.citizenqa.core.store;

import java.util.Optional;

import vn.citizenqa.core.violations.ViolationRecords;

/** A store that passes everything to another; tests override the part whose failure they simulate. */
public class ForwardingStore implements Store {

    protected final Store store;

    public ForwardingStore(Store store) {
        this.store = store;
    }

    @Override
    public MessageClaims messages() {
        return store.messages();
    }

    @Override
    public Conversations conversations() {
        return store.conversations();
    }

    @Override
    public Escalations escalations() {
        return store.escalations();
    }

    @Override
    public PageRegistry pages() {
        return store.pages();
    }

    @Override
    public DailyCounters counters() {
        return store.counters();
    }

    @Override
    public Suggestions suggestions() {
        return store.suggestions();
    }

    @Override
    public MessageRates rates() {
        return store.rates();
    }

    @Override
    public ReplyRequests replyRequests() {
        return store.replyRequests();
    }

    @Override
    public UnitRegistry units() {
        return store.units();
    }

    @Override
    public ViolationRecords violations() {
        return store.violations();
    }

    /** Message claims that pass everything to others; override the step whose failure is simulated. */
    public static class Claims implements MessageClaims {

        protected final MessageClaims claims;

        public Claims(MessageClaims claims) {
            this.claims = claims;
        }

        @Override
        public ClaimResult claim(MessageKey key) {
            return claims.claim(key);
        }

        @Override
        public ClaimUpdate markDecided(MessageKey key, String owner, ReplyDraft draft) {
            return claims.markDecided(key, owner, draft);
        }

        @Override
        public ClaimUpdate markNotSent(MessageKey key, String owner) {
            return claims.markNotSent(key, owner);
        }

        @Override
        public ClaimUpdate markSending(MessageKey key, String owner) {
            return claims.markSending(key, owner);
        }

        @Override
        public ClaimUpdate markSent(MessageKey key, String owner, String platformMessageId) {
            return claims.markSent(key, owner, platformMessageId);
        }

        @Override
        public ClaimUpdate release(MessageKey key, String owner) {
            return claims.release(key, owner);
        }

        @Override
        public Optional<MessageClaim> find(MessageKey key) {
            return claims.find(key);
        }
    }
}
