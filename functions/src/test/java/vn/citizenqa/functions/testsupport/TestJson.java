package vn.citizenqa.functions.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Jackson's data binding for tests, to write configuration files and read what a command printed. */
public final class TestJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TestJson() {
    }
}
