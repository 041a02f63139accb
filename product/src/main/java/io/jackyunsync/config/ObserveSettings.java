package io.jackyunsync.config;

import java.time.Duration;

/** Health's age limit and how often a run's progress is logged when no terminal shows it live. */
public record ObserveSettings(Duration healthMaxAge, long progressSeconds) {

    public static ObserveSettings read(Reader r) {
        return new ObserveSettings(
                Duration.ofMinutes(r.number("sync.health.max-age-minutes", 60, 1, 7 * 24 * 60)),
                r.number("sync.progress-seconds", 10, 1, 3600));
    }
}
