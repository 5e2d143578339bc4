package vn.citizenqa.core.store;

/** Sends marked in progress, on the in-process store. */
class InProcessClaimSendingTest extends ClaimSendingContract {

    @Override
    protected Store newStore(MutableClock clock, StoreSettings settings) {
        return new InProcessStore(clock, settings);
    }
}
