package vn.citizenqa.core.store;

/** Officers' idempotency keys on the in-process store. */
class InProcessReplyRequestsTest extends ReplyRequestsContract {

    @Override
    protected Store newStore(MutableClock clock, StoreSettings settings) {
        return new InProcessStore(clock, settings);
    }
}
