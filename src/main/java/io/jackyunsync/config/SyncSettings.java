package io.jackyunsync.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Every option of the app, read once from Camel's properties (application.properties, overridden by environment
 * variables such as JACKYUN_SECRET for jackyun.secret) and checked together: {@link #problems} names each bad key.
 */
public record SyncSettings(URI gateway, String appkey, String secret, String token, Duration readTimeout,
                           String mysqlUrl, String mysqlUser, String mysqlPassword, Path schemesDir,
                           Duration overlap, int batchSize, long batchTimeoutMillis, Duration settleTimeout,
                           boolean scheduleEnabled, double rateLimit, int fetchAttempts, Duration fetchRetryTime,
                           int writeAttempts, Duration writeRetryTime, long connectTimeoutMillis, double rejectThresholdPercent,
                           Path migrationsDir, Duration healthMaxAge, URI alertWebhook, String alertSigningSecret,
                           Duration alertMinInterval, Duration alertNoSuccessAfter, long progressSeconds, int writeQueue, int writeThreads,
                           boolean clusterEnabled, long clusterCheckinMillis, String clusterName,
                           long maxPagesPerRun, Duration callDeadline, long maxBodyBytes) {

    /** Reads and checks every option, adding a line per problem to {@code problems}. */
    public static SyncSettings read(PropertiesComponent pc, List<String> problems) {
        Reader r = new Reader(pc, problems);
        SyncSettings settings = new SyncSettings(
                r.required("jackyun.gateway", SyncSettings::url),
                r.required("jackyun.appkey", Function.identity()),
                r.requiredSecret("jackyun.secret", Function.identity()),
                r.secret("jackyun.token").orElse(""),
                Duration.ofSeconds(r.number("jackyun.read-timeout-seconds", 60, 1, 600)),
                r.requiredSecret("mysql.url", SyncSettings::jdbcUrl),
                r.required("mysql.user", Function.identity()),
                r.secret("mysql.password").orElse(""),
                Path.of(r.optional("sync.schemes-dir").orElse("schemes")),
                Duration.ofMinutes(r.number("sync.overlap-minutes", 10, 0, 7 * 24 * 60)),
                (int) r.number("sync.batch.size", 500, 1, 10_000),
                r.number("sync.batch.timeout-millis", 2000, 10, 600_000),
                Duration.ofSeconds(r.number("sync.settle-timeout-seconds", 600, 1, 86_400)),
                r.bool("sync.schedule.enabled", true),
                r.number("jackyun.rate-limit-per-second", 5, 1, 10_000),
                (int) r.number("jackyun.retry.max-attempts", 6, 1, 100),
                Duration.ofSeconds(r.number("jackyun.retry.max-seconds", 120, 1, 86_400)),
                (int) r.number("sync.write.retry.max-attempts", 5, 1, 100),
                Duration.ofSeconds(r.number("sync.write.retry.max-seconds", 60, 1, 86_400)),
                r.number("mysql.connect-timeout-millis", 10_000, 250, 600_000),
                r.number("sync.reject-threshold-percent", 5, 0, 100),
                Path.of(r.optional("sync.migrations-dir").orElse("migrations")),
                Duration.ofMinutes(r.number("sync.health.max-age-minutes", 60, 1, 7 * 24 * 60)),
                r.secret("alert.webhook-url").isPresent() ? r.requiredSecret("alert.webhook-url", SyncSettings::url) : null,
                r.secret("alert.dingtalk-secret").orElse(""),
                Duration.ofMinutes(r.number("alert.min-interval-minutes", 30, 0, 24 * 60)),
                Duration.ofMinutes(r.number("alert.no-success-minutes", 120, 1, 7 * 24 * 60)),
                r.number("sync.progress-seconds", 10, 1, 3600),
                (int) r.number("sync.write.queue-batches", 4, 1, 1000),
                (int) r.number("sync.write.threads", 2, 1, 16),
                r.bool("sync.cluster.enabled", false),
                r.number("sync.cluster.checkin-millis", 5000, 500, 600_000),
                r.optional("sync.cluster.name").isPresent() ? r.required("sync.cluster.name", SyncSettings::clusterName) : "jackyun-sync",
                r.number("sync.max-pages-per-run", 100_000, 1, 100_000_000),
                Duration.ofSeconds(r.number("jackyun.call-deadline-seconds", 180, 1, 3600)),
                r.number("jackyun.max-body-bytes", 64L * 1024 * 1024, 1024, 1024L * 1024 * 1024));
        if (settings.callDeadline().compareTo(settings.readTimeout()) < 0) {
            problems.add("jackyun.call-deadline-seconds (" + settings.callDeadline().toSeconds() + ") must not be shorter than"
                    + " jackyun.read-timeout-seconds (" + settings.readTimeout().toSeconds() + ")");
        }
        r.number("jackyun.retry.initial-delay-millis", 500, 0, 600_000);
        r.number("jackyun.retry.max-delay-millis", 30_000, 0, 3_600_000);
        r.number("sync.write.retry.initial-delay-millis", 500, 0, 600_000);
        return settings;
    }

    private static URI url(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (java.net.URISyntaxException e) {
            // the exception's message quotes the value (a webhook's token): only its reason and position are kept
            throw new IllegalArgumentException("not a valid URL (" + e.getReason()
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "") + "); the value is not shown");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an http(s) URL");
        }
        return uri;
    }

    private static String clusterName(String text) {
        if (!text.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new IllegalArgumentException("must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
        return text;
    }

    private static String jdbcUrl(String text) {
        io.jackyunsync.config.TargetUrl.check(text);
        // the app turns the rewrite on; a URL that turns it off would write every batch row by row, ~8x slower
        if (text.toLowerCase(java.util.Locale.ROOT).matches(".*[?&]rewritebatchedstatements=false(&.*)?")) {
            throw new IllegalArgumentException("sets rewriteBatchedStatements=false, which makes every batched upsert"
                    + " a statement per row (about 8x slower); remove it (the app sets it to true)");
        }
        return text.trim();
    }

    /** Resolves keys and records problems; a problem names the key and the environment variable that sets it. */
    public record Reader(PropertiesComponent pc, List<String> problems) {

        public Optional<String> optional(String key) {
            return pc.resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty());
        }

        /** A secret (or a value that may carry one) byte for byte, see {@link #raw}; blank counts as unset. */
        Optional<String> secret(String key) {
            return raw(key).filter(v -> !v.isBlank());
        }

        /**
         * The value as set, looked up in Camel's order (local, environment, system property, then the override
         * properties, the files and the initial properties) but not parsed: resolveProperty takes "{{...}}" in a value for
         * a placeholder (a secret holding "{{" comes back missing, or changed) and drops the backslash before "{{".
         */
        Optional<String> raw(String key) {
            Properties local = pc.getLocalProperties();
            String value = local != null ? local.getProperty(key) : null;
            if (value == null) {
                value = org.apache.camel.util.IOHelper.lookupEnvironmentVariable(key);
            }
            if (value == null) {
                value = System.getProperty(key);
            }
            if (value == null) {
                value = pc.loadProperties(key::equals).getProperty(key);
            }
            return Optional.ofNullable(value);
        }

        <T> T required(String key, Function<String, T> parse) {
            return required(key, optional(key), parse);
        }

        <T> T requiredSecret(String key, Function<String, T> parse) {
            return required(key, secret(key), parse);
        }

        private <T> T required(String key, Optional<String> value, Function<String, T> parse) {
            if (value.isEmpty()) {
                problems.add(key + " (environment " + env(key) + ") is required but not set");
                return null;
            }
            try {
                return parse.apply(value.get());
            } catch (IllegalArgumentException e) {
                // the value itself is not echoed: the key may hold a secret
                problems.add(key + " (environment " + env(key) + ") is invalid: " + e.getMessage());
                return null;
            }
        }

        public long number(String key, long fallback, long min, long max) {
            Optional<String> value = optional(key);
            try {
                long v = value.map(Long::parseLong).orElse(fallback);
                if (v < min || v > max) {
                    problems.add(key + " must be between " + min + " and " + max + " (got " + v + ")");
                }
                return v;
            } catch (NumberFormatException e) {
                problems.add(key + " must be a whole number (got '" + value.orElse("") + "')");
                return fallback;
            }
        }

        public boolean bool(String key, boolean fallback) {
            Optional<String> value = optional(key);
            if (value.isPresent() && !value.get().matches("true|false")) {
                problems.add(key + " must be true or false (got '" + value.get() + "')");
            }
            return value.map(Boolean::parseBoolean).orElse(fallback);
        }

        public static String env(String key) {
            return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        }
    }
}
