package io.jackyunsync.scheme;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code value} of a target field, compiled once: absent (NULL), a constant, a {@code {path}} of the record
 * (dots for nested fields), a text template with several placeholders, or a {@code _function} SQL expression. In a
 * child's field, {@code {^path}} reads the parent record (the order a line belongs to).
 */
final class FieldValue {

    enum Kind { NULL, CONSTANT, PATH, TEMPLATE, FUNCTION }

    static final String FUNCTION_PREFIX = "_function ";

    static final String PARENT = "^";
    /** A placeholder in a value: {path}, {^path} or a run placeholder such as {pageIndex}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    final Kind kind;
    final String text;
    /** Whether the path reads the parent record ({@code {^path}}). */
    final boolean parent;
    private final String[] path;

    private FieldValue(Kind kind, String text, String[] path) {
        this.kind = kind;
        this.text = text;
        this.parent = path != null && path[0].startsWith(PARENT);
        this.path = parent ? parentPath(path) : path;
    }

    private static String[] parentPath(String[] path) {
        String[] p = path.clone();
        p[0] = p[0].substring(PARENT.length());
        return p;
    }

    static boolean isFunction(String value) {
        return value.startsWith(FUNCTION_PREFIX);
    }

    static boolean safeFunction(String value) {
        return value.indexOf(';') < 0 && value.indexOf('#') < 0 && value.indexOf('?') < 0;
    }

    static FieldValue of(String value) {
        if (value == null) {
            return new FieldValue(Kind.NULL, null, null);
        }
        if (isFunction(value)) {
            return new FieldValue(Kind.FUNCTION, value.substring(FUNCTION_PREFIX.length()).trim(), null);
        }
        Matcher m = PLACEHOLDER.matcher(value);
        if (m.matches()) {
            return new FieldValue(Kind.PATH, value, m.group(1).trim().split("\\."));
        }
        if (m.find()) {
            return new FieldValue(Kind.TEMPLATE, value, null);
        }
        return new FieldValue(Kind.CONSTANT, value, null);
    }

    /** The source value for a record: a JSON node for a path, text for a constant or template, null otherwise. */
    Object extract(JsonNode record) {
        return extract(record, null);
    }

    /** The same for a child's element, a {@code {^path}} read from {@code parentRecord} (null: no parent, no value). */
    Object extract(JsonNode record, JsonNode parentRecord) {
        return switch (kind) {
            case PATH -> at(parent ? parentRecord : record, path);
            case CONSTANT -> text;
            case TEMPLATE -> fill(record);
            case NULL, FUNCTION -> null;
        };
    }

    /** The top-level fields of the record this value reads (the first step of each path). */
    List<String> roots() {
        return switch (kind) {
            case PATH -> List.of(path[0]);
            case TEMPLATE -> PLACEHOLDER.matcher(text).results()
                    .map(r -> r.group(1).trim().split("\\.")[0]).toList();
            case NULL, CONSTANT, FUNCTION -> List.of();
        };
    }

    /** The record field a path reads, for messages. */
    String source() {
        return path == null ? text : (parent ? PARENT : "") + String.join(".", path);
    }

    private String fill(JsonNode record) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            JsonNode n = at(record, m.group(1).trim().split("\\."));
            m.appendReplacement(sb, Matcher.quoteReplacement(n == null || n.isNull() ? "" : n.asText()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static JsonNode at(JsonNode node, String[] path) {
        JsonNode n = node;
        for (String step : path) {
            if (n == null) {
                return null;
            }
            n = n.get(step);
        }
        return n;
    }
}
