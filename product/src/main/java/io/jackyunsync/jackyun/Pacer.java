package io.jackyunsync.jackyun;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Paces the calls of one app key: at most {@code callsPerSecond} call starts a second, spaced evenly. A throttled
 * call pauses everybody (for Retry-After when the gateway gave one) and doubles the spacing; each success then
 * shortens it again by a tenth, down to the configured rate (additive-increase, multiplicative-decrease).
 * Hand-written: Camel's throttle EIP paces exchanges but cannot honour Retry-After or back off on refusals.
 */
public final class Pacer {

    private static final long MAX_SLOWDOWN = 16;

    private final long configuredIntervalNanos;
    private long baseIntervalNanos;
    private int share = 1;
    private final AtomicLong throttled = new AtomicLong();
    private long intervalNanos;
    private long nextSlot;
    private long granted;
    private long firstGrant;
    private long lastGrant;

    public Pacer(double callsPerSecond) {
        this.configuredIntervalNanos = (long) (1_000_000_000L / callsPerSecond);
        this.baseIntervalNanos = configuredIntervalNanos;
        this.intervalNanos = baseIntervalNanos;
        this.nextSlot = System.nanoTime();
    }

    /** Blocks until this caller may start a call. */
    public void acquire() throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(nextSlot, now);
            nextSlot = slot + intervalNanos;
            if (granted++ == 0) {
                firstGrant = slot;
            }
            lastGrant = slot;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** The gateway refused a call for its rate: pause every caller and slow down. */
    public synchronized void throttled(Duration retryAfter) {
        throttled.incrementAndGet();
        intervalNanos = Math.min(intervalNanos * 2, baseIntervalNanos * MAX_SLOWDOWN);
        long pause = retryAfter != null ? retryAfter.toNanos() : intervalNanos;
        nextSlot = Math.max(nextSlot, System.nanoTime() + pause);
    }

    public synchronized void succeeded() {
        if (intervalNanos > baseIntervalNanos) {
            intervalNanos = Math.max(baseIntervalNanos, intervalNanos - Math.max(1, (intervalNanos - baseIntervalNanos) / 10));
        }
    }

    /** Call starts per second granted so far, from the first start to the last (what the benchmark checks against the rate). */
    public synchronized double grantedPerSecond() {
        return granted < 2 ? 0 : (granted - 1) * 1e9 / (lastGrant - firstGrant);
    }

    /**
     * This instance's share of the app key's rate when {@code instances} share it (clustered scheduling): each paces
     * at rate ÷ instances, so all of them together stay under the rate.
     */
    public synchronized void share(int instances) {
        int parts = Math.max(1, instances);
        if (parts == share) {
            return;
        }
        share = parts;
        long slowdown = intervalNanos - baseIntervalNanos;
        baseIntervalNanos = configuredIntervalNanos * parts;
        intervalNanos = baseIntervalNanos + Math.max(0, slowdown);
    }

    public synchronized int share() {
        return share;
    }

    /** Starts counting granted calls afresh. */
    public synchronized void reset() {
        granted = 0;
    }

    /** Calls refused for the rate so far. */
    public long throttledCount() {
        return throttled.get();
    }

    synchronized long intervalNanos() {
        return intervalNanos;
    }
}
