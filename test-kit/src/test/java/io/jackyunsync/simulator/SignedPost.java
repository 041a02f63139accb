package io.jackyunsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A signed call to the simulator over real HTTP that keeps the raw answer: the tests look at the bytes (ids as exact
 * strings, {@code result.data} as a string) as well as at the parsed tree, which keeps numbers exact.
 */
final class SignedPost {

    static final String APPKEY = "92058521";
    static final String SECRET = "sim-secret";

    /** The answer: its text and its tree. */
    record Answer(String raw, JsonNode root) {

        boolean ok() {
            return root.path("code").asInt() == 200;
        }

        String subCode() {
            return root.path("subCode").asText();
        }

        /** {@code result.data}, decoded when it came as a JSON string. */
        JsonNode data() {
            JsonNode data = root.path("result").path("data");
            try {
                return data.isTextual() ? JackyunEnvelope.JSON.readTree(data.asText()) : data;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SignedPost() {
    }

    static Answer call(URI url, String method, Map<String, ?> biz) {
        try {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("method", method);
            params.put("appkey", APPKEY);
            params.put("version", "v1.0");
            params.put("contenttype", "json");
            params.put("timestamp", BeijingTime.now(Clock.systemUTC()));
            params.put("bizcontent", JackyunEnvelope.JSON.writeValueAsString(biz));
            params.put("sign", JackyunSigner.sign(params, SECRET));
            StringJoiner form = new StringJoiner("&");
            params.forEach((k, v) -> form.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + answer.statusCode());
            }
            String raw = new String(answer.body(), StandardCharsets.UTF_8);
            return new Answer(raw, JackyunEnvelope.JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A map of the given name/value pairs, in order. */
    static Map<String, Object> biz(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
