package io.jackyunsync.jackyun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.Set;

/** The parsed answer of the gateway: success iff {@code code} is 200; {@code result.data} decoded whether object or string. */
public record JackyunEnvelope(JsonNode data, String contextId, String subCode, String msg) {

    /** Jackson configured to keep numbers exact: 19-digit ids stay longs or BigIntegers, never doubles. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    static final Set<String> RETRYABLE_SUBCODES = Set.of("0859999999");

    static final Map<String, String> MEANINGS = Map.of(
            "0858030801", "signature check failed (wrong secret, or a skewed timestamp)",
            "0858030802", "appkey does not exist",
            "0858030803", "token invalid or expired",
            "0130020310", "app not found, or not subscribed to this API",
            "0130000609", "app not enabled for the open platform",
            "0050030002", "business parameter error",
            "0859999999", "gateway throttled or temporarily unavailable");

    /** Parses the body of an HTTP 200 answer; throws {@link JackyunException} for an error envelope or a body that is not one. */
    public static JackyunEnvelope parse(String method, String body) {
        return parse(method, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The same from the body's UTF-8 bytes, as they came (no String of the whole page is made). */
    public static JackyunEnvelope parse(String method, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new JackyunException("BAD_BODY", method + ": the gateway answered with a body that is not JSON ("
                    + e.getOriginalMessage() + ")", true);
        } catch (java.io.IOException e) {
            throw new JackyunException("BAD_BODY", method + ": the gateway's body could not be read (" + e.getMessage() + ")", true);
        }
        if (root == null || !root.isObject()) {
            throw new JackyunException("BAD_BODY", method + ": the gateway answered with an empty or non-object body", true);
        }
        String subCode = text(root.get("subCode"));
        String msg = text(root.get("msg"));
        JsonNode code = root.get("code");
        if (code == null || !"200".equals(code.asText().trim())) {
            String sub = subCode.isEmpty() ? bracketedCode(msg) : subCode;
            String meaning = MEANINGS.getOrDefault(sub, "error");
            throw new JackyunException(sub, method + " refused: code " + (code == null ? "missing" : code.asText())
                    + ", subCode " + (sub.isEmpty() ? "none" : sub) + " (" + meaning + "): " + msg,
                    RETRYABLE_SUBCODES.contains(sub));
        }
        JsonNode result = root.path("result");
        String contextId = text(result.get("contextId"));
        if (contextId.isEmpty()) {
            contextId = text(root.get("contextId"));
        }
        JsonNode data = result.get("data");
        if (data != null && data.isTextual()) {
            String inner = data.asText();
            try {
                data = inner.isBlank() ? null : JSON.readTree(inner);
            } catch (JsonProcessingException e) {
                throw new JackyunException("BAD_BODY", method + ": result.data is a string that is not JSON", true);
            }
        }
        return new JackyunEnvelope(data == null || data.isNull() ? null : data, contextId, subCode, msg);
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
