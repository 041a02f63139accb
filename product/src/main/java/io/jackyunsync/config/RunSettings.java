package io.jackyunsync.config;

import java.nio.file.Path;
import java.time.Duration;

/** How runs go: where schemes are, the window, batches, the writers, the guards, and whether schedules run. */
public record RunSettings(Path schemesDir, boolean schemesReload, Duration overlap, int batchSize, long batchTimeoutMillis,
        Duration settleTimeout, boolean scheduleEnabled, double rejectThresholdPercent, long maxPagesPerRun,
        int writeThreads, int writeQueue) {

    public static RunSettings read(Reader r) {
        return new RunSettings(
                Path.of(r.optional("sync.schemes-dir").orElse("schemes")),
                r.bool("sync.schemes-reload", false),
                Duration.ofMinutes(r.number("sync.overlap-minutes", 10, 0, 7 * 24 * 60)),
                (int) r.number("sync.batch.size", 500, 1, 10_000),
                r.number("sync.batch.timeout-millis", 2000, 10, 600_000),
                Duration.ofSeconds(r.number("sync.settle-timeout-seconds", 600, 1, 86_400)),
                r.bool("sync.schedule.enabled", true),
                r.number("sync.reject-threshold-percent", 5, 0, 100),
                r.number("sync.max-pages-per-run", 100_000, 1, 100_000_000),
                (int) r.number("sync.write.threads", 2, 1, 16),
                (int) r.number("sync.write.queue-batches", 4, 1, 1000));
    }
}
