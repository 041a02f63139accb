package io.jackyunsync.jackyun;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The parsed answer of the gateway: success iff {@code code} is 200; {@code result.data} decoded whether object or string.
 * {@code data} is null for an explicit {@code "data": null} (an empty page, as the gateway sends it) and for an answer
 * without it; {@code answered} tells them apart: false when {@code result} or its {@code data} key is missing altogether.
 */
public record JackyunEnvelope(JsonNode data, String contextId, String subCode, String msg, boolean answered) {

    /** Jackson configured to keep numbers exact: 19-digit ids stay longs or BigIntegers, never doubles. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** The most characters of the gateway's code or subCode kept in a message (real ones have ten). */
    static final int CODE_MAX = 32;

    static final Set<String> RETRYABLE_SUBCODES = Set.of("0859999999");

    static final Map<String, String> MEANINGS = Map.of(
            "0858030801", "signature check failed (wrong secret, or a skewed timestamp)",
            "0858030802", "appkey does not exist",
            "0858030803", "token invalid or expired",
            "0130020310", "app not found, or not subscribed to this API: subscribe the app to it on the Jackyun open platform",
            "0130000609", "app not enabled for the open platform: enable it on the Jackyun open platform",
            "0050030002", "business parameter error",
            "0859999999", "gateway throttled or temporarily unavailable");

    /** Parses the body of an HTTP 200 answer; throws {@link JackyunException} for an error envelope or a body that is not one. */
    public static JackyunEnvelope parse(String method, String body) {
        return parse(method, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The same from the body's UTF-8 bytes, as they came (no String of the whole page is made). */
    public static JackyunEnvelope parse(String method, byte[] body) {
        return parse(method, body, null);
    }

    /**
     * The same, reading the records of {@code projection}'s list as {@link SourceRecord}s that keep only the fields it
     * names: the other fields are skipped without being decoded (most of a record's bytes, and of the parse's cost).
     */
    public static JackyunEnvelope parse(String method, byte[] body, Projection projection) {
        JsonNode root;
        try {
            root = projection == null ? JSON.readTree(body) : readProjected(body, projection);
        } catch (JsonProcessingException e) {
            throw new JackyunException("BAD_BODY", method + ": the gateway answered with a body that is not JSON ("
                    + OneLine.of(e.getOriginalMessage(), OneLine.GATEWAY_MSG_MAX) + ")", true);
        } catch (IOException e) {
            throw new JackyunException("BAD_BODY", method + ": the gateway's body could not be read (" + e.getMessage() + ")", true);
        }
        if (root == null || !root.isObject()) {
            throw new JackyunException("BAD_BODY", method + ": the gateway answered with an empty or non-object body", true);
        }
        String subCode = text(root.get("subCode"));
        String msg = text(root.get("msg"));
        JsonNode code = root.get("code");
        if (code == null || !"200".equals(code.asText().trim())) {
            // every part of the answer is the gateway's text: one line, and msg at most GATEWAY_MSG_MAX characters
            String sub = OneLine.of(subCode.isEmpty() ? bracketedCode(msg) : subCode, CODE_MAX);
            boolean quota = msg.contains(JackyunException.QUOTA_WORDS);
            String meaning = quota ? "the method's call quota is spent" : MEANINGS.getOrDefault(sub, "error");
            String text = method + " refused: code " + (code == null ? "missing" : OneLine.of(code.asText(), CODE_MAX))
                    + ", subCode " + (sub.isEmpty() ? "none" : sub) + " (" + meaning + "): " + OneLine.of(msg, OneLine.GATEWAY_MSG_MAX);
            // an exhausted quota is not transient whatever its subCode says (a throttle code included): the words decide
            throw quota ? JackyunException.quotaSpent(sub, text) : new JackyunException(sub, text, RETRYABLE_SUBCODES.contains(sub));
        }
        JsonNode result = root.path("result");
        String contextId = text(result.get("contextId"));
        if (contextId.isEmpty()) {
            contextId = text(root.get("contextId"));
        }
        JsonNode data = result.get("data");
        boolean answered = data != null;
        if (data != null && data.isTextual()) {
            String inner = data.asText();
            try {
                data = inner.isBlank() ? null : JSON.readTree(inner);
            } catch (JsonProcessingException e) {
                throw new JackyunException("BAD_BODY", method + ": result.data is a string that is not JSON", true);
            }
        }
        return new JackyunEnvelope(data == null || data.isNull() ? null : data, contextId, subCode, msg, answered);
    }

    /** Which list of {@code result.data} holds the records ({@code list}, dots for nesting) and which fields to keep. */
    public record Projection(String list, Set<String> fields) {

        public Projection {
            fields = Set.copyOf(fields);
        }
    }

    private static JsonNode readProjected(byte[] body, Projection projection) throws IOException {
        String[] path = ("result.data." + projection.list()).split("\\.");
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return p.currentToken() == null ? null : JSON.readTree(p);
            }
            return readObject(p, body, path, 0, projection.fields());
        }
    }

    /** An object on the way to the list: fields off the path are read whole, the one on it is descended into. */
    private static ObjectNode readObject(JsonParser p, byte[] body, String[] path, int depth, Set<String> fields) throws IOException {
        ObjectNode node = JSON.getNodeFactory().objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals(path[depth]) && depth < path.length - 1 && value == JsonToken.START_OBJECT) {
                node.set(name, readObject(p, body, path, depth + 1, fields));
            } else if (name.equals(path[depth]) && depth == path.length - 1 && value == JsonToken.START_ARRAY) {
                node.set(name, readRecords(p, body, fields));
            } else {
                node.set(name, JSON.readTree(p));
            }
        }
        return node;
    }

    private static ArrayNode readRecords(JsonParser p, byte[] body, Set<String> fields) throws IOException {
        ArrayNode list = JSON.getNodeFactory().arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT) {
                list.add((JsonNode) JSON.readTree(p)); // not a record: kept whole, the mapper rejects it
                continue;
            }
            SourceRecord record = new SourceRecord(body, (int) p.currentTokenLocation().getByteOffset());
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (fields.contains(name)) {
                    record.set(name, value(p));
                } else {
                    p.skipChildren();
                }
            }
            record.end((int) p.currentLocation().getByteOffset());
            list.add(record);
        }
        return list;
    }

    /** The value at the parser as {@link #JSON} reads it (exact numbers), scalars made without a deserialization context. */
    private static JsonNode value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> TextNode.valueOf(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> IntNode.valueOf(p.getIntValue());
                case LONG -> LongNode.valueOf(p.getLongValue());
                default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> DecimalNode.valueOf(p.getDecimalValue());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.getInstance();
            default -> JSON.readTree(p);
        };
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }

    private static String bracketedCode(String msg) {
        if (msg.startsWith("[")) {
            int end = msg.indexOf(']');
            if (end > 1) {
                return msg.substring(1, end);
            }
        }
        return "";
    }
}
