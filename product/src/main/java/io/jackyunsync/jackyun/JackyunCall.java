package io.jackyunsync.jackyun;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The two ends of a Jackyun call that camel-http makes (routes/fetch.camel.yaml): {@link #sign} turns a
 * {@link JackyunRequest} into the signed form POST, {@link #answer} turns camel-http's answer into the checked
 * envelope, and {@link #failed} names a call that broke off. Every failure is a {@link JackyunException} whose kind
 * the retry policy reads; a refusal for the rate slows the pacer down before it reaches the error handler. The secret
 * and the token are only ever in the request body, which the answer replaces.
 */
public final class JackyunCall {

    /** The request in flight, kept on the exchange from {@link #sign} to {@link #answer}. */
    static final String REQUEST = "jackyunRequest";

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    /** The same, parsed once: camel-http takes an entity body as it is (a byte[] body's Content-Type is parsed per call). */
    private static final ContentType FORM_TYPE = ContentType.parse(FORM);

    private final Map<String, Account> accounts;
    private final Duration readTimeout;
    private final Clock clock;
    private final Set<String> quotaSubCodes;

    /** One account, {@code default}, called at the route's own endpoint. */
    public JackyunCall(String appkey, String secret, String token, Duration readTimeout, Clock clock, Pacer pacer) {
        this(List.of(new Account("default", null, appkey, secret, token, pacer)), readTimeout, clock, Set.of());
    }

    /**
     * {@code accounts}: the app keys by account name (each with its gateway and pacer); {@code quotaSubCodes}: the
     * sub-codes that mean an exhausted quota besides the words (JACKYUN_QUOTA_SUB_CODES).
     */
    public JackyunCall(List<Account> accounts, Duration readTimeout, Clock clock, Set<String> quotaSubCodes) {
        Map<String, Account> byName = new LinkedHashMap<>();
        accounts.forEach(a -> byName.put(a.name(), a));
        this.accounts = Map.copyOf(byName);
        this.quotaSubCodes = Set.copyOf(quotaSubCodes);
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    /** The account a call is signed for; an account not configured is a configuration error naming the known ones. */
    public Account account(String name) {
        Account account = accounts.get(name);
        if (account == null) {
            throw new IllegalArgumentException("no Jackyun account named '" + name + "'; configured: " + accounts.keySet());
        }
        return account;
    }

    /**
     * The form body of the signed call, for the account's gateway; the exchange keeps no header but its Content-Type and
     * the gateway's address (camel-http's CamelHttpUri), so none other goes out.
     */
    public void sign(@Body JackyunRequest request, Exchange exchange) {
        Account account = account(request.account());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", request.method());
        params.put("appkey", account.appkey());
        params.put("version", "v1.0");
        params.put("contenttype", "json");
        params.put("timestamp", BeijingTime.now(clock));
        params.put("bizcontent", request.bizcontent());
        params.put("sign", JackyunSigner.sign(params, account.secret()));
        if (!account.token().isEmpty()) {
            params.put("token", account.token());
        }
        exchange.setProperty(REQUEST, request);
        Message message = exchange.getMessage();
        dropHeaders(message);
        message.setHeader(Exchange.CONTENT_TYPE, FORM);
        if (account.gateway() != null) {
            message.setHeader(Exchange.HTTP_URI, account.gateway().toString());
        }
        // the enum, not "POST": camel-http converts a String to HttpMethods through a type converter lookup that misses
        // and walks the class hierarchy on every call (6 % of the fetching thread's CPU in a JFR profile)
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
        message.setBody(new ByteArrayEntity(formEncode(params).getBytes(StandardCharsets.UTF_8), FORM_TYPE));
    }

    /** Waits for the request's account's pacer: at most its rate of call starts a second, per app key. */
    public void pace(@ExchangeProperty(REQUEST) JackyunRequest request) throws InterruptedException {
        account(request.account()).pacer().acquire();
    }

    /** camel-http's answer (throwExceptionOnFailure=false: every status comes here) as the decoded envelope. */
    public JackyunEnvelope answer(@ExchangeProperty(REQUEST) JackyunRequest request, Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String retryAfter = message.getHeader("Retry-After", String.class);
        Object body = message.getBody();
        dropHeaders(message);
        message.setBody(null);
        exchange.removeProperty(REQUEST);
        try {
            if (status == null || status != 200) {
                int code = status == null ? 0 : status;
                byte[] bytes = bytes(body);
                if (new String(bytes, 0, Math.min(bytes.length, 64 * 1024), StandardCharsets.UTF_8)
                        .contains(JackyunException.QUOTA_WORDS)) {
                    // the words decide whatever the status: a 429 or 5xx that says the quota is spent is not retried
                    throw JackyunException.quotaSpent("HTTP_" + code, request.method() + ": the gateway answered HTTP " + code
                            + " saying its call quota is spent (" + JackyunException.QUOTA_WORDS + ")");
                }
                boolean retryable = code == 429 || code >= 500 || code == 408;
                throw new JackyunException("HTTP_" + code, request.method() + ": the gateway answered HTTP " + code, retryable)
                        .withRetryAfter(retryAfter(retryAfter));
            }
            JackyunEnvelope envelope = JackyunEnvelope.parse(request.method(), bytes(body), request.projection());
            account(request.account()).pacer().succeeded();
            return envelope;
        } catch (JackyunException e) {
            if (!e.isQuota() && quotaSubCodes.contains(e.getSubCode())) {
                throw JackyunException.quotaSpent(e.getSubCode(), e.getMessage() + " (its subCode is in jackyun.quota-sub-codes)");
            }
            if (e.isThrottled()) {
                account(request.account()).pacer().throttled(e.getRetryAfter());
            }
            throw e;
        }
    }

    /** A call that broke off (camel-http's IOException, caught by the route): named as the retry policy expects. */
    public void failed(@ExchangeProperty(REQUEST) JackyunRequest request,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause, Exchange exchange) {
        dropHeaders(exchange.getMessage());
        exchange.getMessage().setBody(null);
        exchange.removeProperty(REQUEST);
        String method = request == null ? "call" : request.method();
        if (cause instanceof CallLimits.Exceeded e) {
            // too large: not retried, the same question gets the same answer; the run fails and its checkpoint stays
            throw new JackyunException(e.kind(), method + ": the gateway's " + e.getMessage(), "DEADLINE".equals(e.kind()), e);
        }
        if (cause instanceof SocketTimeoutException) {
            throw new JackyunException("TIMEOUT", method + ": no answer from the gateway within " + readTimeout, true, cause);
        }
        throw new JackyunException("IO", method + ": connection to the gateway failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage()), true, cause);
    }

    /** camel-http reads an announced body into one array of its length; a body of unknown length comes as a stream. */
    private static byte[] bytes(Object body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] b) {
            return b;
        }
        try (InputStream in = (InputStream) body) {
            return in.readAllBytes();
        }
    }

    /** Retry-After in seconds (the HTTP-date form is rare for APIs and is ignored). */
    private static Duration retryAfter(String header) {
        return header != null && header.trim().matches("\\d{1,5}") ? Duration.ofSeconds(Long.parseLong(header.trim())) : null;
    }

    static String formEncode(Map<String, String> params) {
        StringJoiner body = new StringJoiner("&");
        params.forEach(
                (k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /**
     * Every header goes (none may reach the gateway or outlive the call) but Camel's redelivery ones: the retry policy
     * counts the attempts with them, and camel-http never sends a Camel header.
     */
    static void dropHeaders(Message message) {
        // what removeHeaders("*", those three) does, without its pattern matching: it tries each exclude as a regular
        // expression against every header (compiled each time), twice a call
        if (message.hasHeaders()) {
            message.getHeaders().keySet().removeIf(name -> !isRedeliveryHeader(name));
        }
    }

    private static boolean isRedeliveryHeader(String name) {
        return name.equalsIgnoreCase(Exchange.REDELIVERY_COUNTER) || name.equalsIgnoreCase(Exchange.REDELIVERY_MAX_COUNTER)
                || name.equalsIgnoreCase(Exchange.REDELIVERED);
    }
}
