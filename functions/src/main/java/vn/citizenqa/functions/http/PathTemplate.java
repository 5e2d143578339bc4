package vn.citizenqa.functions.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A route's path as API Gateway writes it: literal segments, {@code {name}} for one segment and {@code {name+}} for
 * the rest of the path. Empty segments (a trailing or doubled slash) are ignored, as the handlers always have.
 */
public record PathTemplate(String template) {

    /** The path parameters a request path gives this template, or null when it does not match. */
    public Map<String, String> bind(String path) {
        if (path == null) {
            return null;
        }
        List<String> parts = segments(template);
        List<String> given = segments(path);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean variable = part.startsWith("{") && part.endsWith("}");
            if (variable && part.endsWith("+}")) {
                if (given.size() <= i) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 2), String.join("/", given.subList(i, given.size())));
                return params;
            }
            if (i >= given.size()) {
                return null;
            }
            if (variable) {
                params.put(part.substring(1, part.length() - 1), decode(given.get(i)));
            } else if (!part.equals(given.get(i))) {
                return null;
            }
        }
        return parts.size() == given.size() ? params : null;
    }

    public boolean matches(String path) {
        return bind(path) != null;
    }

    /** Percent-decoding of a path segment ('+' is a plus in a path, not a space). */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
