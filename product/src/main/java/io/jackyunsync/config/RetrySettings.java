package io.jackyunsync.config;

import java.time.Duration;

/**
 * Attempts and time of a gateway call and of a batched write; the backoff delays are read by the error handler's
 * routes as placeholders and only checked here.
 */
public record RetrySettings(int fetchAttempts, Duration fetchRetryTime, int writeAttempts, Duration writeRetryTime) {

    public static RetrySettings read(Reader r) {
        RetrySettings s = new RetrySettings(
                (int) r.number("jackyun.retry.max-attempts", 6, 1, 100),
                Duration.ofSeconds(r.number("jackyun.retry.max-seconds", 120, 1, 86_400)),
                (int) r.number("sync.write.retry.max-attempts", 5, 1, 100),
                Duration.ofSeconds(r.number("sync.write.retry.max-seconds", 60, 1, 86_400)));
        r.number("jackyun.retry.initial-delay-millis", 500, 0, 600_000);
        r.number("jackyun.retry.max-delay-millis", 30_000, 0, 3_600_000);
        r.number("sync.write.retry.initial-delay-millis", 500, 0, 600_000);
        return s;
    }
}
