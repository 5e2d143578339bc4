package vn.citizenqa.core.store;

/** The store contract, against the in-process store. */
class InProcessStoreTest extends StoreContract {

    @Override
    protected Store newStore(MutableClock clock, StoreSettings settings) {
        return new InProcessStore(clock, settings);
    }
}
