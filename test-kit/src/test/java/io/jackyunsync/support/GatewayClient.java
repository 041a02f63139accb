package io.jackyunsync.support;

import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunException;
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
 * A client of the test side, written from docs/jackyun/protocol.md on its own (JDK HttpClient, the signer): it checks the
 * simulator's protocol without the app's call path, so that the two are not only right together.
 */
public final class GatewayClient {

    private final URI gateway;
    private final String appkey;
    private final String secret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public GatewayClient(URI gateway, String appkey, String secret, Clock clock) {
        this.gateway = gateway;
        this.appkey = appkey;
        this.secret = secret;
        this.clock = clock;
    }

    /** One signed call; an error envelope or a status other than 200 is a {@link JackyunException}. */
    public JackyunEnvelope call(String method, String bizcontent) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", method);
        params.put("appkey", appkey);
        params.put("version", "v1.0");
        params.put("contenttype", "json");
        params.put("timestamp", BeijingTime.now(clock));
        params.put("bizcontent", bizcontent);
        params.put("sign", JackyunSigner.sign(params, secret));
        StringJoiner form = new StringJoiner("&");
        params.forEach((k, v) -> form.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(gateway).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (answer.statusCode() != 200) {
            throw new JackyunException("HTTP_" + answer.statusCode(), method + ": HTTP " + answer.statusCode(), false);
        }
        return JackyunEnvelope.parse(method, answer.body());
    }
}
