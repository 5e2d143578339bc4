package vn.citizenqa.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.citizenqa.core.triage.RealKnowledge;

/** Old terms and side questions found in a message, with or without diacritics, each note once. */
class TermNotesTest {

    private static final TermNotes OLD = TermNotes.load(RealKnowledge.FILES, TermNotes.OLD_TERMS);
    private static final TermNotes SIDE = TermNotes.load(RealKnowledge.FILES, TermNotes.SIDE_QUESTIONS);

    @Test
    void anOldTermGetsItsOneLineExplanationOnce() {
        List<String> notes = OLD.notes(RealKnowledge.graph("Sổ hộ khẩu bị mất, sổ hộ khẩu cũ còn dùng được không?"));
        assertEquals(1, notes.size());
        assertTrue(notes.getFirst().contains("1/1/2023"), notes.getFirst());
        assertTrue(OLD.notes(RealKnowledge.graph("mat ca vet xe may")).getFirst().contains("chứng nhận đăng ký xe"));
        assertTrue(OLD.notes(RealKnowledge.graph("mẹ em vẫn dùng CMND 9 số")).getFirst().contains("căn cước"));
        assertTrue(OLD.notes(RealKnowledge.graph("đăng ký tạm trú ở đâu")).isEmpty());
    }

    @Test
    void aFineQuestionBesideAProcedureQuestionIsNoticed() {
        assertEquals(1, SIDE.notes(RealKnowledge.graph("Giờ đăng ký thì cần mang gì? Có bị phạt không?")).size());
        assertTrue(SIDE.notes(RealKnowledge.graph("Đăng ký tạm trú cần gì?")).isEmpty());
    }
}
