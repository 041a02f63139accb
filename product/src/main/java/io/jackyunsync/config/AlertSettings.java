package io.jackyunsync.config;

import java.net.URI;
import java.time.Duration;

/** The alert robot (its webhook carries a token: both it and the signing secret are secrets) and how often it speaks. */
public record AlertSettings(URI webhook, String signingSecret, Duration minInterval, Duration noSuccessAfter) {

    public static AlertSettings read(Reader r) {
        return new AlertSettings(
                r.secret("alert.webhook-url").isPresent() ? r.requiredSecret("alert.webhook-url", Urls::http) : null,
                r.secret("alert.dingtalk-secret").orElse(""),
                Duration.ofMinutes(r.number("alert.min-interval-minutes", 30, 0, 24 * 60)),
                Duration.ofMinutes(r.number("alert.no-success-minutes", 120, 1, 7 * 24 * 60)));
    }

    @Override
    public String toString() {
        return "AlertSettings[webhook=" + Reader.mask(webhook) + ", signingSecret=" + Reader.mask(signingSecret) + ", minInterval="
                + minInterval + ", noSuccessAfter=" + noSuccessAfter + "]";
    }
}
