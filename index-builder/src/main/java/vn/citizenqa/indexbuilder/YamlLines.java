package vn.citizenqa.indexbuilder;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The line each field of a YAML file starts on, by its path ({@code fee}, {@code fee[1].until},
 * {@code penalties[0].fine_min}), so that a problem names the line an editor must fix. A tree keeps no
 * locations; this reads the file's tokens once more.
 */
final class YamlLines {

    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static YamlLines of(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            Deque<String> path = new ArrayDeque<>();
            Deque<Integer> index = new ArrayDeque<>();
            String pendingField = null;
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                int line = p.currentTokenLocation().getLineNr();
                switch (t) {
                    case FIELD_NAME -> {
                        pendingField = p.currentName();
                        lines.putIfAbsent(join(path, pendingField), line);
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String segment = segment(path, index, pendingField, line, lines);
                        path.push(segment);
                        index.push(t == JsonToken.START_ARRAY ? 0 : -1);
                        pendingField = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pop();
                        index.pop();
                        if (!index.isEmpty() && index.peek() >= 0) {
                            index.push(index.pop() + 1);
                        }
                        pendingField = null;
                    }
                    default -> {
                        if (pendingField == null && !index.isEmpty() && index.peek() >= 0) {
                            lines.putIfAbsent(join(path, null) + "[" + index.peek() + "]", line);
                            index.push(index.pop() + 1);
                        }
                        pendingField = null;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A malformed file is reported by the tree parser with its own line; no lines here.
        }
        return new YamlLines(lines);
    }

    /** The path segment a container opens: its field name, or its position in the enclosing list. */
    private static String segment(Deque<String> path, Deque<Integer> index, String field, int line,
            Map<String, Integer> lines) {
        if (field != null) {
            return field;
        }
        if (!index.isEmpty() && index.peek() >= 0) {
            String s = "[" + index.peek() + "]";
            lines.putIfAbsent(join(path, null) + s, line);
            return s;
        }
        return "";
    }

    private static String join(Deque<String> path, String last) {
        StringBuilder b = new StringBuilder();
        var it = path.descendingIterator();
        while (it.hasNext()) {
            String s = it.next();
            if (s.isEmpty()) {
                continue;
            }
            if (!b.isEmpty() && !s.startsWith("[")) {
                b.append('.');
            }
            b.append(s);
        }
        if (last != null) {
            if (!b.isEmpty()) {
                b.append('.');
            }
            b.append(last);
        }
        return b.toString();
    }

    /** The line of a field, or of its nearest enclosing field, or null. */
    Integer line(String field) {
        if (field == null) {
            return null;
        }
        for (String f = field; !f.isEmpty(); ) {
            Integer n = lines.get(f);
            if (n != null) {
                return n;
            }
            int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
            if (cut <= 0) {
                break;
            }
            f = f.substring(0, cut);
        }
        return null;
    }
}
