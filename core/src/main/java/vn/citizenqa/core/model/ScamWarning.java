package vn.citizenqa.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One current scam trick from {@code knowledge/warnings/}: how it shows, what to do, the law that punishes it,
 * the official warning it comes from and when it was last reviewed.
 *
 * @param cues the words a citizen's message names the trick by ("việc nhẹ lương cao", "bấm số 9")
 */
public record ScamWarning(String id, String title, List<String> cues, List<String> signs, List<String> whatToDo,
        List<String> legalBasis, String source, LocalDate reviewed) {

    public ScamWarning {
        cues = List.copyOf(cues);
        signs = List.copyOf(signs);
        whatToDo = List.copyOf(whatToDo);
        legalBasis = List.copyOf(legalBasis);
    }
}
