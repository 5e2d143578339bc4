package vn.citizenqa.core.triage;

import vn.citizenqa.core.model.Intent;

/**
 * What triage found before any search.
 *
 * @param intent the intent when triage is sure of it, or {@link Intent#PROCEDURE} to go on to search
 * @param reason a short, human-readable reason (the cue that matched), for officers and logs
 * @param services for an emergency, which numbers to give first (e.g. "114", "115")
 */
public record TriageResult(Intent intent, String reason, java.util.List<String> services) {

    public TriageResult {
        services = services == null ? java.util.List.of() : java.util.List.copyOf(services);
    }

    public static TriageResult procedure() {
        return new TriageResult(Intent.PROCEDURE, null, java.util.List.of());
    }
}
