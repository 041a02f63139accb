package io.jackyunsync.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's sales orders for {@code oms.trade.fullinfoget}: order {@code i} is made on demand from (seed, i)
 * by {@link TradeGenerator}, modified over the {@code spanDays} days before the clock's time at construction,
 * gmtModified increasing in the index, so that a million orders cost no memory; changed orders (moved, amended) live
 * in an overlay ({@link OverlaySet}). Orders modified more than 90 days before now are the archive table's.
 */
public final class TradeDataSet {

    public static final long ARCHIVE_AFTER_MILLIS = 90L * 24 * 3600 * 1000;

    private final long seed;
    private final int count;
    private final Clock clock;
    private final long start;
    private final long span;
    private final TradeGenerator generator;
    private final OverlaySet<SimTrade> set;
    private final AtomicLong addedLines = new AtomicLong();
    private int moves;

    public TradeDataSet(long seed, int count, int spanDays, Clock clock) {
        this.seed = seed;
        this.count = count;
        this.clock = clock;
        this.span = spanDays * 86_400_000L;
        this.start = OverlaySet.second(clock.millis() - span);
        this.generator = new TradeGenerator(seed);
        this.set = new OverlaySet<>(count, generator::tradeId, this::modifiedOf, i -> generator.make(i, modifiedOf(i)));
    }

    public int size() {
        return count;
    }

    /** Every order in its current state, in index order (the expected values of a test; makes them all). */
    public List<SimTrade> trades() {
        return set.all();
    }

    /** The order of this id in its current state, or null. */
    public SimTrade trade(String tradeId) {
        int i = set.indexOf(Long.parseLong(tradeId));
        return i < 0 ? null : set.get(i);
    }

    /** The order is modified now (an archived order moves to the current table). */
    public synchronized SimTrade touch(String tradeId) {
        SimTrade t = existing(tradeId);
        return put(t.amended(t.lines(), t.sellerMemo(), bumped(t)));
    }

    /** Moves one order (chosen from the seed, in turn); its tradeId, or null if the set is empty. */
    public synchronized String moveOne() {
        if (count == 0) {
            return null;
        }
        int i = Nasty.random(seed, moves++, 27).nextInt(count);
        return Long.toString(touch(Long.toString(generator.tradeId(i))).tradeId());
    }

    /** Takes a line away (an order split or amended); the order is modified now. */
    public synchronized SimTrade removeLine(String tradeId, String subTradeId) {
        SimTrade t = existing(tradeId);
        List<SimTradeLine> lines = new ArrayList<>(t.lines());
        if (!lines.removeIf(l -> Long.toString(l.subTradeId()).equals(subTradeId))) {
            throw new IllegalArgumentException("order " + tradeId + " has no line " + subTradeId);
        }
        return put(t.amended(lines, t.sellerMemo(), bumped(t)));
    }

    /** Adds a line; the order is modified now; returns the new line's subTradeId. */
    public synchronized String addLine(String tradeId) {
        SimTrade t = existing(tradeId);
        long id = TradeGenerator.ADDED_LINE_BASE + addedLines.incrementAndGet() * 3;
        List<SimTradeLine> lines = new ArrayList<>(t.lines());
        lines.add(generator.line(Nasty.random(seed, id, 23), id, lines.size()));
        put(t.amended(lines, t.sellerMemo(), bumped(t)));
        return Long.toString(id);
    }

    /** Replaces the seller's memo; the order is modified now. */
    public synchronized SimTrade setSellerMemo(String tradeId, String text) {
        SimTrade t = existing(tradeId);
        return put(t.amended(t.lines(), text, bumped(t)));
    }

    /** Deletes the order in Jackyun: isDelete=1, still served (with its lines); the order is modified now. */
    public synchronized SimTrade delete(String tradeId) {
        SimTrade t = existing(tradeId);
        return put(t.amended(t.lines(), t.sellerMemo(), 1, bumped(t)));
    }

    /** Whether an order of this gmtModified is served only from the archive table ({@code isTableSwitch=2}) now. */
    public boolean archived(long gmtModified) {
        return gmtModified < clock.millis() - ARCHIVE_AFTER_MILLIS;
    }

    Clock clock() {
        return clock;
    }

    OverlaySet<SimTrade> set() {
        return set;
    }

    private SimTrade existing(String tradeId) {
        SimTrade t = trade(tradeId);
        if (t == null) {
            throw new IllegalArgumentException("no order " + tradeId);
        }
        return t;
    }

    private SimTrade put(SimTrade t) {
        set.put(t);
        return t;
    }

    /** Now on a whole second (the time goes out as yyyy-MM-dd HH:mm:ss), and later than the order's last change. */
    private long bumped(SimTrade t) {
        return Math.max(OverlaySet.second(clock.millis()), t.gmtModified() + 1000);
    }

    private long modifiedOf(int i) {
        return OverlaySet.second(start + span * i / Math.max(1, count));
    }
}
