package vn.citizenqa.core.answer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import vn.citizenqa.core.model.ProcedureField;
import vn.citizenqa.core.model.Reply;
/**
 * The details offered under an answer, tapped or typed: each sends its label back and is answered with that field
 * of the procedure being discussed. At most three are offered at once.
 */
public enum DetailOption {
    DOCUMENTS("Hồ sơ chi tiết", ProcedureField.DOCUMENTS),
    FEE("Lệ phí", ProcedureField.FEE),
    PLACE("Nơi nộp", ProcedureField.PLACE),
    ONLINE("Làm trực tuyến", ProcedureField.ONLINE);

    /** How many options a reply offers at most, as for a choice of procedures. */
    public static final int MAX_OFFERED = Reply.Choice.MAX;

    private final String label;
    private final ProcedureField field;

    DetailOption(String label, ProcedureField field) {
        this.label = label;
        this.field = field;
    }

    public String label() {
        return label;
    }

    public ProcedureField field() {
        return field;
    }

    /** Under a first answer: the documents, the fee and the place (the online link is in the answer itself). */
    static List<DetailOption> underAnAnswer() {
        return List.of(DOCUMENTS, FEE, PLACE);
    }

    /** Under a detail: the other details, the field just given left out. */
    static List<DetailOption> besides(ProcedureField shown) {
        return Arrays.stream(values()).filter(o -> o.field != shown).limit(MAX_OFFERED).toList();
    }

    /** The option a message is, when the whole message is one of the labels (any case, with or without marks). */
    public static Optional<DetailOption> of(String text) {
        return Arrays.stream(values()).filter(o -> OptionLabels.same(text, o.label)).findFirst();
    }
}
