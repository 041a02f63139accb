package io.jackyunsync.config;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

/** The gateway, its credentials (secret and token read byte for byte), its limits and the rate of calls. */
public record JackyunSettings(URI gateway, String appkey, String secret, String token, Duration readTimeout,
        Duration callDeadline, long maxBodyBytes, double rateLimit) {

    public static JackyunSettings read(Reader r) {
        JackyunSettings s = new JackyunSettings(
                r.required("jackyun.gateway", Urls::gateway),
                r.required("jackyun.appkey", Function.identity()),
                r.requiredSecret("jackyun.secret", Function.identity()),
                r.secret("jackyun.token").orElse(""),
                Duration.ofSeconds(r.number("jackyun.read-timeout-seconds", 60, 1, 600)),
                Duration.ofSeconds(r.number("jackyun.call-deadline-seconds", 180, 1, 3600)),
                r.number("jackyun.max-body-bytes", 64L * 1024 * 1024, 1024, 1024L * 1024 * 1024),
                r.number("jackyun.rate-limit-per-second", 5, 1, 10_000));
        if (s.callDeadline().compareTo(s.readTimeout()) < 0) {
            r.problems().add("jackyun.call-deadline-seconds (" + s.callDeadline().toSeconds() + ") must not be shorter than"
                    + " jackyun.read-timeout-seconds (" + s.readTimeout().toSeconds() + ")");
        }
        return s;
    }

    @Override
    public String toString() {
        return "JackyunSettings[gateway=" + gateway + ", appkey=" + appkey + ", secret=" + Reader.mask(secret) + ", token="
                + Reader.mask(token) + ", readTimeout=" + readTimeout + ", callDeadline=" + callDeadline + ", maxBodyBytes="
                + maxBodyBytes + ", rateLimit=" + rateLimit + "]";
    }
}
