package vn.citizenqa.core.model;

import java.util.List;

/** Whether and where a procedure can be done online. */
public record OnlineService(Availability availability, List<String> links, String note) {

    public enum Availability {
        /** toàn trình: the whole procedure online. */
        FULL,
        /** một phần: filed online, finished in person. */
        PARTIAL,
        NONE
    }

    public OnlineService {
        links = List.copyOf(links);
    }
}
