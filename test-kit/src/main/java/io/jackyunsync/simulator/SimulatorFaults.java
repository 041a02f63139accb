package io.jackyunsync.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The faults the simulator injects, each a setting: rates (0..1) per kind of transient failure, extra latency,
 * a rate limit answered with HTTP 429 or the JSON throttle code, data that moves between page requests,
 * pages that overlap, and records that break the warehouse rules ({@code badEvery}: every n-th record served has
 * no code, a type code that is not an integer, or a name longer than the column, in turn); {@code noFutureEnd}
 * refuses a window that ends in the future with a parameter error, as a strict gateway might; {@code dropScrollOnce=n}
 * leaves n orders out of the next full scroll page of sales orders, {@code noScrollIdOnce=true} sends the next full
 * one without its scrollId (each once, armed when the faults are set); {@code exclusiveBounds=true} answers sales-order
 * windows with exclusive bounds (an order modified exactly on startModified or endModified is in neither). Written as {@code key=value} pairs, e.g. {@code 5xx=0.05,cut=0.02,rateLimit=10,moveEvery=3}.
 */
public record SimulatorFaults(double http5xx, double throttle, double cut, double truncate, double slow, long slowMillis,
        long latencyMillis, int rateLimit, boolean rateLimitJson, int moveEvery, boolean overlap,
        long seed, int badEvery, boolean noFutureEnd,
        int dropScrollOnce, boolean noScrollIdOnce, boolean exclusiveBounds) {

    public static final SimulatorFaults NONE = new SimulatorFaults(0, 0, 0, 0, 0, 0, 0, 0, false, 0, false, 1, 0, false, 0, false, false);

    public static SimulatorFaults parse(String spec) {
        Map<String, String> v = new LinkedHashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String pair : spec.split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("fault '" + pair + "' is not key=value");
                }
                v.put(kv[0].trim(), kv[1].trim());
            }
        }
        SimulatorFaults f = new SimulatorFaults(rate(v, "5xx"), rate(v, "throttle"), rate(v, "cut"), rate(v, "truncate"),
                rate(v, "slow"), number(v, "slowMs", 5000), number(v, "latencyMs", 0), (int) number(v, "rateLimit", 0),
                "json".equals(v.getOrDefault("rateLimitMode", "http")), (int) number(v, "moveEvery", 0),
                Boolean.parseBoolean(v.getOrDefault("overlap", "false")), number(v, "seed", 1), (int) number(v, "badEvery", 0),
                Boolean.parseBoolean(v.getOrDefault("noFutureEnd", "false")), (int) number(v, "dropScrollOnce", 0),
                Boolean.parseBoolean(v.getOrDefault("noScrollIdOnce", "false")),
                Boolean.parseBoolean(v.getOrDefault("exclusiveBounds", "false")));
        v.keySet().removeAll(Set.of("5xx", "throttle", "cut", "truncate", "slow", "slowMs", "latencyMs", "rateLimit",
                "rateLimitMode", "moveEvery", "overlap", "seed", "badEvery", "noFutureEnd", "dropScrollOnce", "noScrollIdOnce",
                "exclusiveBounds"));
        if (!v.isEmpty()) {
            throw new IllegalArgumentException("unknown fault settings " + v.keySet()
                    + "; known: 5xx, throttle, cut, truncate, slow, slowMs, latencyMs, rateLimit, rateLimitMode (http|json), moveEvery, overlap, seed, badEvery, noFutureEnd, dropScrollOnce, noScrollIdOnce, exclusiveBounds");
        }
        return f;
    }

    /** The same faults with the overlapping-pages fault on or off. */
    public SimulatorFaults withOverlap(boolean on) {
        return new SimulatorFaults(http5xx, throttle, cut, truncate, slow, slowMillis, latencyMillis, rateLimit, rateLimitJson,
                moveEvery, on, seed, badEvery, noFutureEnd, dropScrollOnce, noScrollIdOnce, exclusiveBounds);
    }

    private static double rate(Map<String, String> v, String key) {
        double r = Double.parseDouble(v.getOrDefault(key, "0"));
        if (r < 0 || r > 1) {
            throw new IllegalArgumentException("fault rate " + key + " must be between 0 and 1");
        }
        return r;
    }

    private static long number(Map<String, String> v, String key, long fallback) {
        return v.containsKey(key) ? Long.parseLong(v.get(key)) : fallback;
    }
}
