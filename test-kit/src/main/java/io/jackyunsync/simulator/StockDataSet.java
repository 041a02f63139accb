package io.jackyunsync.simulator;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulator's stock rows for {@code erp.stockquantity.get}: row {@code i} is SKU {@code i / 5} (the skuIds of a
 * {@link GoodsDataSet} of the same seed) in warehouse {@code i % 5}, generated on demand, quantityId and gmtModified
 * increasing in the index; quantities negative, fractional or large now and then.
 */
public final class StockDataSet {

    static final long QUANTITY_BASE = 1_500_000_000_000_000_000L;
    static final int WAREHOUSES = 5;
    private static final long SPAN_MILLIS = 180L * 24 * 3600 * 1000;

    private final long seed;
    private final Clock clock;
    private final long start;
    private final int count;
    private final OverlaySet<SimStock> set;
    private int moves;

    public StockDataSet(long seed, int count, Clock clock) {
        this.seed = seed;
        this.clock = clock;
        this.count = count;
        this.start = clock.millis() - SPAN_MILLIS;
        this.set = new OverlaySet<>(count, i -> quantityId(seed, i), this::modifiedOf, this::make);
    }

    static long quantityId(long seed, int i) {
        return QUANTITY_BASE + i * 1_000L + 3 + 2 * Nasty.random(seed, i, 11).nextInt(400);
    }

    public int size() {
        return count;
    }

    /** Every row in its current state (the expected values of a test). */
    public List<SimStock> quantities() {
        return set.all();
    }

    public SimStock quantity(String quantityId) {
        int i = set.indexOf(Long.parseLong(quantityId));
        return i < 0 ? null : set.get(i);
    }

    /** The row of this id changes (one more in stock) and is modified now. */
    public synchronized SimStock touch(String quantityId) {
        int i = set.indexOf(Long.parseLong(quantityId));
        if (i < 0) {
            throw new IllegalArgumentException("no stock row " + quantityId);
        }
        SimStock moved = set.get(i).touched(clock.millis());
        set.put(moved);
        return moved;
    }

    /** Moves one row (chosen from the seed, in turn); its quantityId, or null if the set is empty. */
    public synchronized String moveOne() {
        if (count == 0) {
            return null;
        }
        int i = Nasty.random(seed, moves++, 17).nextInt(count);
        return Long.toString(touch(Long.toString(quantityId(seed, i))).quantityId());
    }

    OverlaySet<SimStock> set() {
        return set;
    }

    private long modifiedOf(int i) {
        return start + SPAN_MILLIS * i / Math.max(1, count);
    }

    private SimStock make(int i) {
        int sku = i / WAREHOUSES;
        int wh = i % WAREHOUSES;
        SplittableRandom r = Nasty.random(seed, i, 12);
        SplittableRandom g = Nasty.random(seed, sku / 3, 2);
        BigDecimal current = switch (r.nextInt(8)) {
            case 0 -> Nasty.amount(r, -50, 0, 4);
            case 1 -> Nasty.amount(r, 100_000_000, 200_000_000, 4);
            case 2 -> BigDecimal.valueOf(r.nextInt(100)).setScale(4);
            default -> Nasty.amount(r, 0, 1000, 4);
        };
        BigDecimal locked = Nasty.amount(r, 0, 10, 4);
        BigDecimal use = i % 2 == 0 ? current.subtract(locked).stripTrailingZeros() : BigDecimal.valueOf(r.nextInt(50));
        return new SimStock(i, quantityId(seed, i), 1_000_000_000_000_000_000L + wh * 1_000_003L, String.format("CK%03d", wh),
                wh == 2 ? "杭州仓🚚 \"二号\"" : "仓库" + wh, GoodsDataSet.GOODS_BASE + (sku / 3) * 17L, "G" + sku / 3,
                Nasty.name(g, "货品" + sku / 3, 200), GoodsDataSet.skuId(seed, sku), Nasty.name(r, "规格" + sku % 3, 200),
                "69" + String.format("%011d", sku), "件", current.toPlainString(), locked.toPlainString(),
                use.scale() < 0 ? use.setScale(0) : use, Nasty.amount(r, 1, 500, 2),
                sku % 19 == 7 ? 1 : 0, modifiedOf(i), i % 6 == 1);
    }
}
