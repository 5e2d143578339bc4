package vn.citizenqa.core.conversation;

import vn.citizenqa.core.store.Conversations;
import vn.citizenqa.core.store.DailyCounters;
import vn.citizenqa.core.store.Escalations;
import vn.citizenqa.core.store.MessageClaims;
import vn.citizenqa.core.store.PageRegistry;
import vn.citizenqa.core.store.Store;
import vn.citizenqa.core.store.StoreUnavailableException;
import vn.citizenqa.core.store.Suggestions;

/** A store whose page registry answers (it may be cached) but whose tables are out of reach. */
public final class UnreachableStore implements Store {

    private final Store pagesFrom;

    public UnreachableStore(Store pagesFrom) {
        this.pagesFrom = pagesFrom;
    }

    private static StoreUnavailableException down() {
        return new StoreUnavailableException("the table cannot be reached", new java.net.ConnectException("Connection refused"));
    }

    @Override
    public MessageClaims messages() {
        throw down();
    }

    @Override
    public Conversations conversations() {
        throw down();
    }

    @Override
    public Escalations escalations() {
        throw down();
    }

    @Override
    public PageRegistry pages() {
        return pagesFrom.pages();
    }

    @Override
    public DailyCounters counters() {
        throw down();
    }

    @Override
    public Suggestions suggestions() {
        throw down();
    }

    @Override
    public vn.citizenqa.core.store.MessageRates rates() {
        throw down();
    }

    @Override
    public vn.citizenqa.core.store.ReplyRequests replyRequests() {
        throw down();
    }

    @Override
    public vn.citizenqa.core.store.UnitRegistry units() {
        throw down();
    }

    @Override
    public vn.citizenqa.core.violations.ViolationRecords violations() {
        throw down();
    }
}
