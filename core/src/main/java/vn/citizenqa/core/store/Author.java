package vn.citizenqa.core.store;

/** Who wrote a conversation message; the citizen's messages come in, the others go out. */
public enum Author {
    CITIZEN,
    ASSISTANT,
    OFFICER;

    public Direction direction() {
        return this == CITIZEN ? Direction.INBOUND : Direction.OUTBOUND;
    }

    public enum Direction { INBOUND, OUTBOUND }
}
