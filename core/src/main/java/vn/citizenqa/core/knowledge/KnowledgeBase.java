package vn.citizenqa.core.knowledge;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import vn.citizenqa.core.model.Procedure;

/** The procedures the assistant can answer, by id, in a stable order. */
public final class KnowledgeBase {

    private final Map<String, Procedure> byId;

    public KnowledgeBase(Collection<Procedure> procedures) {
        Map<String, Procedure> map = new LinkedHashMap<>();
        for (Procedure p : procedures) {
            if (map.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("duplicate procedure id: " + p.id());
            }
        }
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    public Optional<Procedure> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Procedure get(String id) {
        Procedure p = byId.get(id);
        if (p == null) {
            throw new IllegalArgumentException("unknown procedure: " + id);
        }
        return p;
    }

    public Collection<Procedure> procedures() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }
}
