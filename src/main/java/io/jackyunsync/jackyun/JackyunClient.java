package io.jackyunsync.jackyun;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls one method of the Jackyun open API: signed form POST, Beijing timestamp, envelope checked. */
public class JackyunClient {

    private static final Logger LOG = LoggerFactory.getLogger(JackyunClient.class);

    private final URI gateway;
    private final String appkey;
    private final String secret;
    private final String token;
    private final Duration readTimeout;
    private final Clock clock;
    private final HttpClient http;
    private final Pacer pacer;

    public JackyunClient(URI gateway, String appkey, String secret, String token, Duration readTimeout, Clock clock) {
        this(gateway, appkey, secret, token, readTimeout, clock, new Pacer(1000));
    }

    public JackyunClient(URI gateway, String appkey, String secret, String token, Duration readTimeout, Clock clock, Pacer pacer) {
        this.pacer = pacer;
        this.gateway = gateway;
        this.appkey = appkey;
        this.secret = secret;
        this.token = token == null ? "" : token;
        this.readTimeout = readTimeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public Pacer pacer() {
        return pacer;
    }

    /**
     * Sends {@code bizcontent} (the exact JSON string that is signed and sent), paced, and returns the decoded
     * envelope; a refusal for the rate slows the pacer down before the exception reaches the caller.
     */
    public JackyunEnvelope call(String method, String bizcontent) {
        try {
            pacer.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JackyunException("INTERRUPTED", method + ": interrupted", false, e);
        }
        try {
            JackyunEnvelope envelope = send(method, bizcontent);
            pacer.succeeded();
            return envelope;
        } catch (JackyunException e) {
            if (e.isThrottled()) {
                pacer.throttled(e.getRetryAfter());
            }
            throw e;
        }
    }

    private JackyunEnvelope send(String method, String bizcontent) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", method);
        params.put("appkey", appkey);
        params.put("version", "v1.0");
        params.put("contenttype", "json");
        params.put("timestamp", BeijingTime.now(clock));
        params.put("bizcontent", bizcontent);
        params.put("sign", JackyunSigner.sign(params, secret));
        if (!token.isEmpty()) {
            params.put("token", token);
        }
        HttpRequest request = HttpRequest.newBuilder(gateway)
                .timeout(readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(params), StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new JackyunException("TIMEOUT", method + ": no answer from the gateway within " + readTimeout, true, e);
        } catch (IOException e) {
            throw new JackyunException("IO", method + ": connection to the gateway failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JackyunException("INTERRUPTED", method + ": interrupted", false, e);
        }
        int status = response.statusCode();
        if (status != 200) {
            boolean retryable = status == 429 || status >= 500 || status == 408;
            throw new JackyunException("HTTP_" + status, method + ": the gateway answered HTTP " + status, retryable)
                    .withRetryAfter(retryAfter(response));
        }
        JackyunEnvelope envelope = JackyunEnvelope.parse(method, response.body());
        LOG.debug("{} answered in {} ms, contextId {}", method, (System.nanoTime() - started) / 1_000_000, envelope.contextId());
        return envelope;
    }

    /** Retry-After in seconds (the HTTP-date form is rare for APIs and is ignored). */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(v -> v.trim().matches("\\d{1,5}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.trim())))
                .orElse(null);
    }

    static String formEncode(Map<String, String> params) {
        StringJoiner body = new StringJoiner("&");
        params.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
