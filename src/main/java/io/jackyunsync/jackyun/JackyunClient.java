package io.jackyunsync.jackyun;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls one method of the Jackyun open API: signed form POST, Beijing timestamp, envelope checked. */
public class JackyunClient implements AutoCloseable {

    private static final ContentType FORM = ContentType.APPLICATION_FORM_URLENCODED.withCharset(StandardCharsets.UTF_8);

    private static final Logger LOG = LoggerFactory.getLogger(JackyunClient.class);

    private final URI gateway;
    private final String appkey;
    private final String secret;
    private final String token;
    private final Duration readTimeout;
    private final Clock clock;
    private final CloseableHttpClient http;
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
        Timeout read = Timeout.of(readTimeout);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(8)
                        .setMaxConnTotal(8)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(10))
                                .setSocketTimeout(read)
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build())
                .disableAutomaticRetries()      // the sync retries (and paces) calls itself
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** Ends a call whose answer has not fully arrived by then, however slowly its bytes trickle in (a read timeout would not). */
    private static final java.util.concurrent.ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private static java.util.concurrent.ScheduledThreadPoolExecutor deadlines() {
        var timer = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jackyun-call-deadline");
            t.setDaemon(true);
            return t;
        });
        // a call that ends in time cancels its deadline: gone from the queue at once, not kept for its 3 minutes
        // (thousands of calls a second would otherwise pile up cancelled timers on the heap; measured: 3x slower)
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Deadlines still waiting: those of the calls in flight, no more. */
    static int pendingDeadlines() {
        return DEADLINES.getQueue().size();
    }

    private Duration callDeadline = Duration.ofMinutes(3);
    private long maxBodyBytes = 64L * 1024 * 1024;

    /** The whole-call deadline (jackyun.call-deadline-seconds) and the largest answer taken (jackyun.max-body-bytes). */
    public JackyunClient limits(Duration callDeadline, long maxBodyBytes) {
        this.callDeadline = callDeadline;
        this.maxBodyBytes = maxBodyBytes;
        return this;
    }

    public Pacer pacer() {
        return pacer;
    }

    /**
     * Sends {@code bizcontent} (the exact JSON string that is signed and sent), paced, and returns the decoded
     * envelope; a refusal for the rate slows the pacer down before the exception reaches the caller.
     */
    public JackyunEnvelope call(String method, String bizcontent) {
        return call(method, bizcontent, null);
    }

    /** The same, reading the records of {@code projection}'s list with only the fields it names (see {@link SourceRecord}). */
    public JackyunEnvelope call(String method, String bizcontent, JackyunEnvelope.Projection projection) {
        try {
            pacer.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JackyunException("INTERRUPTED", method + ": interrupted", false, e);
        }
        try {
            JackyunEnvelope envelope = send(method, bizcontent, projection);
            pacer.succeeded();
            return envelope;
        } catch (JackyunException e) {
            if (e.isThrottled()) {
                pacer.throttled(e.getRetryAfter());
            }
            throw e;
        }
    }

    private JackyunEnvelope send(String method, String bizcontent, JackyunEnvelope.Projection projection) {
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
        HttpPost request = new HttpPost(gateway);
        request.setEntity(new ByteArrayEntity(formEncode(params).getBytes(StandardCharsets.UTF_8), FORM));
        long started = System.nanoTime();
        java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
        var deadline = DEADLINES.schedule(() -> {
            expired.set(true);
            request.cancel();   // closes the connection: a read in progress ends at once
        }, callDeadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        Answer answer;
        try {
            answer = http.execute(request, response -> new Answer(response.getCode(), body(method, response.getEntity()),
                    response.getFirstHeader("Retry-After") == null ? null : response.getFirstHeader("Retry-After").getValue()));
        } catch (IOException e) {
            if (expired.get()) {
                throw new JackyunException("DEADLINE", method + ": the gateway's answer was not complete within "
                        + callDeadline.toSeconds() + " s (jackyun.call-deadline-seconds)", true, e);
            }
            if (e instanceof SocketTimeoutException) {
                throw new JackyunException("TIMEOUT", method + ": no answer from the gateway within " + readTimeout, true, e);
            }
            throw new JackyunException("IO", method + ": connection to the gateway failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), true, e);
        } finally {
            deadline.cancel(false);
        }
        if (answer.status() != 200) {
            int status = answer.status();
            boolean retryable = status == 429 || status >= 500 || status == 408;
            throw new JackyunException("HTTP_" + status, method + ": the gateway answered HTTP " + status, retryable)
                    .withRetryAfter(retryAfter(answer.retryAfter()));
        }
        JackyunEnvelope envelope = JackyunEnvelope.parse(method, answer.body(), projection);
        LOG.debug("{} answered in {} ms, contextId {}", method, (System.nanoTime() - started) / 1_000_000, envelope.contextId());
        return envelope;
    }

    /**
     * The body in one array of its announced length (no growing buffer and copy); a shorter body is an IO failure, and
     * a body larger than jackyun.max-body-bytes is refused before it is read (a page is kilobytes; this is no page).
     */
    private byte[] body(String method, HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            long length = entity.getContentLength();
            if (length > maxBodyBytes) {
                throw tooLarge(method, length + " bytes announced");
            }
            if (length < 0) {
                byte[] body = in.readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
                if (body.length > maxBodyBytes) {
                    throw tooLarge(method, "more than that sent");
                }
                return body;
            }
            byte[] body = new byte[(int) length];
            int read = in.readNBytes(body, 0, body.length);
            if (read < body.length) {
                throw new IOException("the body ended after " + read + " of " + length + " bytes");
            }
            return body;
        }
    }

    private JackyunException tooLarge(String method, String what) {
        // not retried: the same question gets the same answer; the run fails and its checkpoint stays
        return new JackyunException("BODY_TOO_LARGE", method + ": the gateway's answer is larger than jackyun.max-body-bytes ("
                + maxBodyBytes + " bytes; " + what + ")", false);
    }

    private record Answer(int status, byte[] body, String retryAfter) {
    }

    /** Retry-After in seconds (the HTTP-date form is rare for APIs and is ignored). */
    private static Duration retryAfter(String header) {
        return header != null && header.trim().matches("\\d{1,5}") ? Duration.ofSeconds(Long.parseLong(header.trim())) : null;
    }

    /** Closes the connections; a call still waiting for its answer ends with an IO failure. */
    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
    }

    static String formEncode(Map<String, String> params) {
        StringJoiner body = new StringJoiner("&");
        params.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
