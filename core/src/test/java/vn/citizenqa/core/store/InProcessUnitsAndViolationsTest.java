package vn.citizenqa.core.store;

/** Units and violations, against the in-process store. */
class InProcessUnitsAndViolationsTest extends UnitsAndViolationsContract {

    @Override
    protected Store newStore(MutableClock clock, StoreSettings settings) {
        return new InProcessStore(clock, settings);
    }
}
