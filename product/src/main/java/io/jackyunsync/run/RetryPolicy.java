package io.jackyunsync.run;

import io.jackyunsync.jackyun.JackyunException;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;

/**
 * Decides, for Camel's redelivery (retryWhile), whether a failed call or write is tried again: only transient
 * failures, at most {@code maxAttempts} attempts (Camel's redelivery counter) and {@code maxTime} in all. The delays between attempts
 * (exponential, with jitter) are the redelivery policy's, in routes/error-handling.camel.yaml.
 */
public final class RetryPolicy {

    static final String FIRST_FAILURE = "jackyunSyncFirstFailure";

    private final int fetchAttempts;
    private final Duration fetchTime;
    private final int writeAttempts;
    private final Duration writeTime;

    public RetryPolicy(int fetchAttempts, Duration fetchTime, int writeAttempts, Duration writeTime) {
        this.fetchAttempts = fetchAttempts;
        this.fetchTime = fetchTime;
        this.writeAttempts = writeAttempts;
        this.writeTime = writeTime;
    }

    /** A Jackyun call: HTTP 429/5xx, cut or refused connections, timeouts, broken bodies and throttle codes. */
    public boolean retryFetch(Exchange exchange) {
        JackyunException e = failure(exchange, JackyunException.class);
        SyncRun run = exchange.getProperty(RunProperties.RUN, SyncRun.class);
        if (e != null && e.isThrottled() && run != null) {
            run.counts.throttled.incrementAndGet();
        }
        return e != null && e.isRetryable() && within(exchange, fetchAttempts, fetchTime, run);
    }

    /** A database write: anything but refused data, bad SQL or missing rights (those fail the same way again). */
    public boolean retryWrite(Exchange exchange) {
        DataAccessException e = failure(exchange, DataAccessException.class);
        boolean transientFailure = e != null && !(e instanceof DataIntegrityViolationException)
                && !(e instanceof BadSqlGrammarException) && !(e instanceof PermissionDeniedDataAccessException);
        return transientFailure && within(exchange, writeAttempts, writeTime, exchange.getProperty(RunProperties.RUN, SyncRun.class));
    }

    /** While redelivery is decided the failure sits in the caught-exception property, not on the exchange. */
    private static <T extends Exception> T failure(Exchange exchange, Class<T> type) {
        Exception e = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return type.isInstance(e) ? type.cast(e) : null;
    }

    private static boolean within(Exchange exchange, int maxAttempts, Duration maxTime, SyncRun run) {
        // Camel's redelivery counter: the failures so far of this page or batch (each has its own exchange), 1 on the first
        int failures = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        // Camel keeps no time of the first failure: the one value this policy stores, to bound the retries by time
        long now = System.nanoTime();
        Long first = exchange.getProperty(FIRST_FAILURE, Long.class);
        if (first == null || failures <= 1) {
            first = now;
            exchange.setProperty(FIRST_FAILURE, first);
        }
        boolean again = failures < maxAttempts && now - first < maxTime.toNanos();
        if (again && run != null) {
            run.counts.retries.incrementAndGet();
        }
        return again;
    }
}
