package io.jackyunsync.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * The transport-level faults of a call, the same for every method: latency, the rate limit (HTTP 429 or the JSON
 * throttle code), and the drawn fault (5xx, throttle envelope, cut connection, slow answer; truncation is applied
 * by the caller to the answer's bytes).
 */
final class TransientFaults {

    private TransientFaults() {
    }

    /** Applies the faults before the answer; returns the drawn fault ("" none, "truncate", "slow"), or null if answered. */
    static String before(HttpExchange exchange, FaultInjector injector, SimulatorFaults f) throws IOException {
        FaultInjector.sleep(f.latencyMillis());
        if (injector.overRateLimit(f)) {
            if (f.rateLimitJson()) {
                Envelopes.respond(exchange, 200, Envelopes.errorBytes("0859999999", "[0859999999]调用频率超限"));
            } else {
                exchange.getResponseHeaders().set("Retry-After", "1");
                Envelopes.respond(exchange, 429, "{\"code\":429,\"msg\":\"too many requests\"}");
            }
            return null;
        }
        String fault = injector.pick(f);
        switch (fault) {
            case "5xx" -> {
                Envelopes.respond(exchange, 503, "<html>503 Service Temporarily Unavailable</html>");
                return null;
            }
            case "throttle" -> {
                Envelopes.respond(exchange, 200, Envelopes.errorBytes("0859999999", "[0859999999]系统繁忙"));
                return null;
            }
            case "cut" -> {
                return null; // closes the connection without an answer
            }
            case "slow" -> FaultInjector.sleep(f.slowMillis());
            default -> {
            }
        }
        return fault;
    }
}
