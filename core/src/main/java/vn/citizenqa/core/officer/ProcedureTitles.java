package vn.citizenqa.core.officer;

import java.util.Optional;

/** The knowledge base's procedures by id, for checking the ids officers give. */
@FunctionalInterface
public interface ProcedureTitles {

    Optional<String> title(String procedureId);
}
