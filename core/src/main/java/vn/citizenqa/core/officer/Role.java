package vn.citizenqa.core.officer;

import java.util.Collection;
import java.util.Optional;

/** What an officer may do: the groups of the user pool. */
public enum Role {
    /** Works on the own unit's escalations. */
    OFFICER,
    /** Sees and acts on every unit's escalations and figures. */
    SUPERVISOR;

    /** The group names as the user pool spells them. */
    public String group() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The strongest role among the groups, or empty when none is an officer group. */
    public static Optional<Role> fromGroups(Collection<String> groups) {
        if (groups.contains(SUPERVISOR.group())) {
            return Optional.of(SUPERVISOR);
        }
        return groups.contains(OFFICER.group()) ? Optional.of(OFFICER) : Optional.empty();
    }
}
