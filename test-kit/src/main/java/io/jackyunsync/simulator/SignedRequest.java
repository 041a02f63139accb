package io.jackyunsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunSigner;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One request's form, checked as the gateway checks it (docs/jackyun/protocol.md): app key, signature, timestamp freshness, version,
 * a subscribed method and a JSON bizcontent; any failure is a {@link Refusal}.
 */
record SignedRequest(String method, JsonNode biz) {

    /** The methods the test app has subscribed to. */
    static final Set<String> METHODS = Set.of("erp.warehouse.get", "erp.sales.get",
            GoodsMethod.METHOD, StockMethod.METHOD, TradeMethod.METHOD);

    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(10);

    static SignedRequest check(String body, String appkey, String secret, Clock clock) {
        Map<String, String> p = parseForm(body);
        if (!appkey.equals(p.get("appkey"))) {
            throw new Refusal("0858030802", "[0858030802]appkey不存在");
        }
        String sign = p.get("sign");
        if (sign == null || !sign.equals(JackyunSigner.sign(without(p, "sign"), secret))) {
            throw new Refusal("0858030801", "[0858030801]签名验证失败");
        }
        try {
            Instant sent = BeijingTime.parse(p.getOrDefault("timestamp", ""));
            if (Duration.between(sent, clock.instant()).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
                throw new Refusal("0858030801", "[0858030801]签名验证失败: timestamp out of tolerance");
            }
        } catch (DateTimeParseException e) {
            throw new Refusal("0858030801", "[0858030801]签名验证失败: timestamp must be yyyy-MM-dd HH:mm:ss");
        }
        if (!"v1.0".equals(p.get("version")) && !"1.0".equals(p.get("version"))) {
            throw new Refusal("0050030002", "[0050030002]version must be v1.0");
        }
        String method = p.get("method");
        if (!METHODS.contains(method)) {
            throw new Refusal("0130020310", "[0130020310]应用未订阅该接口: " + method);
        }
        JsonNode biz;
        try {
            biz = JackyunEnvelope.JSON.readTree(p.getOrDefault("bizcontent", ""));
        } catch (IOException e) {
            throw new Refusal("0050030002", "[0050030002]bizcontent is not JSON");
        }
        if (biz == null || !biz.isObject()) {
            throw new Refusal("0050030002", "[0050030002]bizcontent is required");
        }
        return new SignedRequest(method, biz);
    }

    /** The business parameters as {@code erp.warehouse.get} and {@code erp.sales.get} read them (checked here). */
    WarehouseQuery query() {
        return WarehouseQuery.of(biz);
    }

    boolean salesChannels() {
        return "erp.sales.get".equals(method);
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> params = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static Map<String, String> without(Map<String, String> p, String name) {
        Map<String, String> copy = new HashMap<>(p);
        copy.remove(name);
        return copy;
    }
}
