package io.jackyunsync.observe;

import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.OneLine;
import io.jackyunsync.reconcile.Reconciliation;
import io.jackyunsync.run.Instance;
import io.jackyunsync.run.RunState;
import io.jackyunsync.run.SyncRun;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat alerts in the DingTalk / WeCom robot format ({@code {"msgtype":"text","text":{"content":…}}}): a failed or
 * partial run and new dead letters (sent by the instance that ran, named in the text), rejects over the threshold, no
 * successful run for a while and a scheme's recovery, both judged by the runs of every instance ({@link RunHistory}).
 * One alert per scheme and kind at most every {@code minInterval}; the ones held back are counted in the next. This
 * class builds the message and its signed address; routes/alerts.camel.yaml sends it with camel-http ({@link #through}).
 * The webhook URL (it carries the robot's token) and the signing secret are never logged, nor part of an endpoint URI.
 * A run's summary, which quotes its error, is one line ({@link OneLine}): the gateway's msg cannot add lines of its own.
 */
public final class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    /** The route that sends an alert: the address in the CamelHttpUri header, the JSON as the body. */
    public static final String ENDPOINT = "direct:alerts-send";

    /** Sends one alert's message (the robot's JSON as maps) to its signed address and returns the HTTP status. */
    @FunctionalInterface
    public interface Sender {
        int send(URI address, Map<String, Object> message) throws Exception;
    }

    /**
     * Sends through {@link #ENDPOINT}: the route marshals the message with camel-jackson and posts it with camel-http; the
     * address travels in a header the route removes after the call.
     */
    public static Sender through(CamelContext context) {
        var template = new AtomicReference<ProducerTemplate>();
        return (address, message) -> {
            if (template.get() == null) {
                template.compareAndSet(null, context.createProducerTemplate());
            }
            Exchange answer = template.get().send(ENDPOINT, exchange -> {
                exchange.getMessage().setHeader(Exchange.HTTP_URI, address.toString());
                exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
                exchange.getMessage().setBody(message);
            });
            Exception failed = answer.getException() != null
                    ? answer.getException()
                    : answer.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            if (failed != null) {
                throw failed;
            }
            Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            return status == null ? 0 : status;
        };
    }

    private final URI webhook;
    private final String signingSecret;
    private final Duration minInterval;
    private final Duration noSuccessAfter;
    private final List<String> schemes;
    private final Clock clock;
    private final Sender sender;
    private final Instant started;
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();
    private final Map<String, Integer> heldBack = new ConcurrentHashMap<>();
    private final RunHistory history;

    public Alerts(URI webhook, String signingSecret, Duration minInterval, Duration noSuccessAfter, List<String> schemes,
            RunHistory history, Clock clock, Sender sender) {
        this.sender = sender;
        this.history = history;
        this.webhook = webhook;
        this.signingSecret = signingSecret == null ? "" : signingSecret;
        this.minInterval = minInterval;
        this.noSuccessAfter = noSuccessAfter;
        this.schemes = schemes;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** Called with every finished run, after {@link RunHistory#ran}. */
    public void onRun(SyncRun run) {
        if (run.isBackfill()) {
            return; // an operator's command: its summary line is its answer, and it says nothing of the schedule's runs
        }
        String which = RunHistory.unit(run) + " run #" + run.getId();
        if (run.isSucceeded()) {
            recovered(run, which);
        } else {
            // a spent quota is its own kind: its alert is not held back behind a failure's, nor one's behind it
            String kind = RunState.QUOTA.name().equals(run.getStatus())
                    ? "quota"
                    : run.getError() != null && run.getError().contains("above the threshold") ? "rejects" : "failed";
            send(RunHistory.unit(run), kind, "jackyun-sync: " + which + " " + run.getStatus() + on(run.getInstance()) + "\n"
                    + OneLine.of(run.summary()));
        }
        if (run.getCounts().getDeadLetters() > 0) {
            send(RunHistory.unit(run), "dead-letters",
                    "jackyun-sync: " + which + on(run.getInstance()) + " kept " + run.getCounts().getDeadLetters()
                            + " dead letters (sync_dead_letter); fix the cause, then run --replay");
        }
    }

    /** A success after a run that was not one, on any instance, or after longer than noSuccessAfter without one. */
    private void recovered(SyncRun run, String which) {
        if (run.getId() == null || webhook == null) {
            return;
        }
        RunHistory.Latest before;
        try {
            before = history.before(RunHistory.unit(run), run.getId());
        } catch (Exception e) {
            LOG.warn("{}: sync_run could not be read to tell a recovery ({})", which, e.getClass().getSimpleName());
            return;
        }
        RunHistory.Run previous = before.last();
        RunHistory.Run success = before.success();
        String since = success == null
                ? ""
                : "; the last success before it: run #" + success.id() + on(success.instance()) + ", "
                        + ago(Duration.between(success.ended(), clock.instant())) + " ago";
        String text = "jackyun-sync: " + RunHistory.unit(run) + " recovered at " + BeijingTime.now(clock) + " (Beijing): " + which
                + " SUCCEEDED" + on(run.getInstance());
        if (previous != null && !previous.succeeded()) {
            send(RunHistory.unit(run), "recovered",
                    text + " after run #" + previous.id() + " " + previous.status() + on(previous.instance())
                            + since);
        } else if (success != null && Duration.between(success.ended(), clock.instant()).compareTo(noSuccessAfter) > 0) {
            send(RunHistory.unit(run), "recovered", text + since);
        }
    }

    /** Called with every finished reconciliation: one that is not clean is reported with its counts and example keys. */
    public void onReconcile(Reconciliation r) {
        if (!r.isClean()) {
            send(RunHistory.unit(r.getRun().getAccount(), r.getScheme()), "reconcile", "jackyun-sync: "
                    + RunHistory.unit(r.getRun().getAccount(), r.getScheme()) + " reconciliation #" + r.getId() + " "
                    + r.getStatus() + "\n" + OneLine.of(r.summary()));
        }
    }

    /**
     * Called every minute by routes/alerts.camel.yaml: a scheme whose last success by any instance (or this process's
     * start, if later) is older than noSuccessAfter. When sync_run cannot be read, this process's own runs decide.
     */
    public void checkStale() {
        Instant now = clock.instant();
        Map<String, RunHistory.Latest> runs;
        String seen = "";
        try {
            runs = history.latest();
        } catch (Exception e) {
            runs = history.ownOnly();
            seen = " (sync_run cannot be read: as this instance, " + Instance.NAME + ", sees it)";
        }
        for (String scheme : schemes) {
            RunHistory.Run success = runs.getOrDefault(scheme, RunHistory.Latest.NONE).success();
            Instant since = success == null ? started : success.ended();
            // a process just started gives the schedule its time, as before any run
            Instant judged = since.isBefore(started) ? started : since;
            if (Duration.between(judged, now).compareTo(noSuccessAfter) > 0) {
                send(scheme, "stale",
                        "jackyun-sync: " + scheme + " has had no successful run for " + Duration.between(since, now).toMinutes()
                                + " minutes"
                                + (success == null ? " (none recorded)" : "; the last: run #" + success.id() + on(success.instance()))
                                + seen);
            }
        }
    }

    private static String ago(Duration d) {
        return d.toMinutes() >= 2 ? d.toMinutes() + " minutes" : d.toSeconds() + " s";
    }

    private static String on(String instance) {
        return instance == null ? "" : " on " + instance;
    }

    void send(String scheme, String kind, String text) {
        if (webhook == null) {
            return;
        }
        String key = scheme + "/" + kind;
        Instant now = clock.instant();
        Instant previous = lastSent.get(key);
        if (previous != null && Duration.between(previous, now).compareTo(minInterval) < 0) {
            heldBack.merge(key, 1, Integer::sum);
            return;
        }
        lastSent.put(key, now);
        Integer held = heldBack.remove(key);
        String content = held == null ? text : text + "\n(" + held + " more like this held back since the last alert)";
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msgtype", "text");
        message.put("text", Map.of("content", content));
        try {
            int status = sender.send(signed(now), message);
            if (status / 100 != 2) {
                LOG.warn("The alert webhook answered HTTP {} for the {} alert of {}", status, kind, scheme);
            }
        } catch (Exception e) {
            LOG.warn("The {} alert of {} could not be sent: {}", kind, scheme, e.getClass().getSimpleName());
        }
    }

    /** DingTalk's optional signature: timestamp and HMAC-SHA256 of "timestamp\nsecret", Base64, URL-encoded. */
    URI signed(Instant now) throws GeneralSecurityException {
        if (signingSecret.isEmpty()) {
            return webhook;
        }
        long timestamp = now.toEpochMilli();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sign = Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + signingSecret).getBytes(StandardCharsets.UTF_8)));
        String separator = webhook.getQuery() == null ? "?" : "&";
        return URI.create(webhook + separator + "timestamp=" + timestamp + "&sign=" + URLEncoder.encode(sign, StandardCharsets.UTF_8));
    }
}
