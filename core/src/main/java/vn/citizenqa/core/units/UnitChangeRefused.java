package vn.citizenqa.core.units;

/** An operator's change of units that cannot be made as asked; the message says why and what to do instead. */
public final class UnitChangeRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnitChangeRefused(String message) {
        super(message, null, false, false);
    }
}
