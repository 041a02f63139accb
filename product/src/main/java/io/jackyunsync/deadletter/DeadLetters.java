package io.jackyunsync.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jackyunsync.jackyun.JackyunEnvelope;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON payloads of dead letters: a page request, or mapped rows (times as wall-clock text, so they bind again). */
public final class DeadLetters {

    private DeadLetters() {
    }

    static String pageRequest(String api, String bizcontent) {
        ObjectNode n = JackyunEnvelope.JSON.createObjectNode();
        n.put("method", api);
        n.put("bizcontent", bizcontent);
        return n.toString();
    }

    static String rows(List<Map<String, Object>> rows) {
        List<Map<String, Object>> plain = rows.stream().map(DeadLetters::plain).toList();
        try {
            return JackyunEnvelope.JSON.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rows cannot be written as JSON", e);
        }
    }

    /** Reads rows back for a replay. */
    public static List<Map<String, Object>> readRows(String payload) throws JsonProcessingException {
        return JackyunEnvelope.JSON.readValue(payload, new TypeReference<List<Map<String, Object>>>() {});
    }

    /** The row with its times as text, its child rows (a list of rows under a child table's key) likewise. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.replaceAll((k, v) -> v instanceof Timestamp t
                ? t.toLocalDateTime().toString().replace('T', ' ')
                : v instanceof List<?> l ? l.stream().map(e -> e instanceof Map<?, ?> m ? plain((Map<String, Object>) m) : e).toList() : v);
        return copy;
    }
}
