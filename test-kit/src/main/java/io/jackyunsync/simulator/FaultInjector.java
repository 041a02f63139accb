package io.jackyunsync.simulator;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** The simulator's faults in play: which transient fault a call gets (drawn from the seeded rates) and the rate limit. */
final class FaultInjector {

    private static final String[] KINDS = {"5xx", "throttle", "cut", "truncate", "slow"};

    private final AtomicLong throttledCalls = new AtomicLong();
    private final AtomicLong faultsInjected = new AtomicLong();
    private volatile SimulatorFaults faults = SimulatorFaults.NONE;
    private Random random = new Random(1);
    private double tokens = -1;
    private long refilledAt;

    SimulatorFaults faults() {
        return faults;
    }

    synchronized void set(SimulatorFaults faults) {
        this.faults = faults;
        this.random = new Random(faults.seed());
    }

    /** A token bucket: {@code rateLimit} calls a second, bursts up to one second's worth; counts the calls it refuses. */
    synchronized boolean overRateLimit(SimulatorFaults f) {
        if (f.rateLimit() <= 0) {
            return false;
        }
        long now = System.nanoTime();
        if (tokens < 0) {
            tokens = f.rateLimit();
            refilledAt = now;
        }
        tokens = Math.min(f.rateLimit(), tokens + (now - refilledAt) / 1e9 * f.rateLimit());
        refilledAt = now;
        if (tokens < 1) {
            throttledCalls.incrementAndGet();
            return true;
        }
        tokens--;
        return false;
    }

    /** The transient fault of this call ("5xx", "throttle", "cut", "truncate", "slow"), or "" for none. */
    synchronized String pick(SimulatorFaults f) {
        double r = random.nextDouble();
        double[] rates = {f.http5xx(), f.throttle(), f.cut(), f.truncate(), f.slow()};
        for (int i = 0; i < KINDS.length; i++) {
            if (r < rates[i]) {
                faultsInjected.incrementAndGet();
                return KINDS[i];
            }
            r -= rates[i];
        }
        return "";
    }

    long throttledCalls() {
        return throttledCalls.get();
    }

    long faultsInjected() {
        return faultsInjected.get();
    }

    static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
