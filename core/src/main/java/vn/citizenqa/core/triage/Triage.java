package vn.citizenqa.core.triage;

import java.util.List;

import vn.citizenqa.core.model.Intent;
import vn.citizenqa.core.text.Folding;

/**
 * Sorts a message before search: emergencies and crime reports go to officers, small talk gets a chat
 * reply, everything else is a question. A first, plain version over folded keywords.
 */
public final class Triage {

    private static final List<String> FIRE = List.of("chay", "boc khoi", "no ");
    private static final List<String> EMERGENCY = List.of("cuu", "tai nan", "dam nguoi", "duoi nuoc", "bat coc");
    private static final List<String> CRIME = List.of("lua dao", "ma tuy", "trom", "cuop", "danh bac", "tin dung den", "to giac");
    private static final List<String> SMALL_TALK = List.of("xin chao", "chao", "cam on", "ok", "hi", "hello", "alo");

    public TriageResult triage(String text) {
        String f = " " + Folding.fold(text).replaceAll("[^\\p{L}\\p{N}]+", " ").trim() + " ";
        if (containsAny(f, FIRE)) {
            return new TriageResult(Intent.EMERGENCY, "cháy", List.of("114"));
        }
        if (containsAny(f, EMERGENCY)) {
            return new TriageResult(Intent.EMERGENCY, "nguy hiểm", List.of("113", "115"));
        }
        if (containsAny(f, CRIME)) {
            return new TriageResult(Intent.CRIME_REPORT, "tin báo", List.of());
        }
        if (f.isBlank() || (f.trim().split(" ").length <= 3 && containsAny(f, SMALL_TALK))) {
            return new TriageResult(Intent.SMALL_TALK, null, List.of());
        }
        return TriageResult.procedure();
    }

    private static boolean containsAny(String folded, List<String> cues) {
        for (String cue : cues) {
            if (folded.contains(" " + cue.trim() + " ")) {
                return true;
            }
        }
        return false;
    }
}
