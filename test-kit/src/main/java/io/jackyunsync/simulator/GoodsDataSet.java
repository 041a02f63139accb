package io.jackyunsync.simulator;

import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulator's SKUs for {@code erp.storage.goodslist}: generated from (seed, index) on demand, modified over the
 * year before the clock's time at construction, skuId and gmtModified both increasing in the index (see
 * {@link OverlaySet}); a few share a goods, a few are deleted, names carry awkward text.
 */
public final class GoodsDataSet {

    static final long SKU_BASE = 1_200_000_000_000_000_000L;
    static final long GOODS_BASE = 1_100_000_000_000_000_000L;
    private static final long SPAN_MILLIS = 365L * 24 * 3600 * 1000;

    private final long seed;
    private final Clock clock;
    private final long start;
    private final long span;
    private final int count;
    private final OverlaySet<SimSku> set;
    private int moves;

    public GoodsDataSet(long seed, int count, Clock clock) {
        this.seed = seed;
        this.clock = clock;
        this.start = clock.millis() - SPAN_MILLIS;
        this.span = SPAN_MILLIS;
        this.count = count;
        this.set = new OverlaySet<>(count, i -> skuId(seed, i), this::modifiedOf, this::make);
    }

    /** The skuId of SKU {@code i} of the data set of {@code seed}: 19 digits, not a multiple of 2, increasing in i. */
    static long skuId(long seed, int i) {
        return SKU_BASE + i * 1_000L + 1 + 2 * Nasty.random(seed, i, 1).nextInt(400);
    }

    /** Whether SKU {@code i} is deleted (served only with {@code isQueryDelete=1}). */
    static boolean deleted(int i) {
        return i % 37 == 11;
    }

    public int size() {
        return set.size();
    }

    /** Every SKU in its current state, deleted ones included (the expected values of a test). */
    public List<SimSku> skus() {
        return set.all();
    }

    /** The SKU of this id in its current state, or null. */
    public SimSku sku(String skuId) {
        int i = set.indexOf(Long.parseLong(skuId));
        return i < 0 ? null : set.get(i);
    }

    /** The SKU of this id is modified now (it leaves any window that ended before). */
    public synchronized SimSku touch(String skuId) {
        int i = set.indexOf(Long.parseLong(skuId));
        if (i < 0) {
            throw new IllegalArgumentException("no SKU " + skuId);
        }
        SimSku moved = set.get(i).touched(clock.millis());
        set.put(moved);
        return moved;
    }

    /** Moves one SKU (chosen from the seed, in turn), as a busy ERP does while a sync pages; its id, or null if empty. */
    public synchronized String moveOne() {
        if (size() == 0) {
            return null;
        }
        int i = Nasty.random(seed, moves++, 7).nextInt(size());
        return Long.toString(touch(Long.toString(skuId(seed, i))).skuId());
    }

    OverlaySet<SimSku> set() {
        return set;
    }

    private long modifiedOf(int i) {
        return start + span * i / Math.max(1, count);
    }

    private SimSku make(int i) {
        int goods = i / 3;
        SplittableRandom g = Nasty.random(seed, goods, 2);
        SplittableRandom r = Nasty.random(seed, i, 3);
        String goodsName = Nasty.name(g, "货品" + goods, 200);
        long modified = modifiedOf(i);
        return new SimSku(i, skuId(seed, i), GOODS_BASE + goods * 17L, "G" + goods, goodsName,
                Nasty.name(r, "规格" + i % 3 + " 红/XL", 200), "69" + String.format("%011d", i), r.nextInt(5) == 0 ? "件\t" : "件",
                Nasty.name(g, "分类" + goods % 9, 50), Nasty.name(g, "品牌" + goods % 5, 50),
                goods % 13 == 4 ? 1 : 0, i % 17 == 9 ? 1 : 0, deleted(i) ? 1 : 0,
                modified - 86_400_000L - r.nextInt(1_000_000), modified);
    }
}
