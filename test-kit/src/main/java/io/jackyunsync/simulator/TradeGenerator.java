package io.jackyunsync.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes sales order {@code i} of a {@link TradeDataSet} from (seed, i) alone, the same every time, so that a million
 * orders need no memory: ids increasing in the index (19 digits, odd, so a double cannot hold them), 1..5 lines.
 * Amounts have four places as the method sends them: orders 3 and 4 of every ten total 10.0050 or 12.3456 (each value
 * both as a string and as a number), the others the lines' sum to two places; every third line's total is exact to four.
 */
final class TradeGenerator {

    static final long TRADE_BASE = 1_800_000_000_000_000_000L;
    static final long LINE_BASE = 1_900_000_000_000_000_000L;
    /** Lines added by an amendment take ids from here on, apart from every generated line's. */
    static final long ADDED_LINE_BASE = 1_990_000_000_000_000_000L;
    private static final int[] STATUSES = {1010, 2020, 4110, 6000, 9090, 5010};
    /** Totals that a two-place column would round (10.01, 12.35): orders i % 10 == 3 or 4 have one. */
    static final BigDecimal[] FOUR_PLACES = {new BigDecimal("10.0050"), new BigDecimal("12.3456")};

    private final long seed;

    TradeGenerator(long seed) {
        this.seed = seed;
    }

    long tradeId(int i) {
        return TRADE_BASE + i * 1_000L + 1 + 2 * Nasty.random(seed, i, 21).nextInt(400);
    }

    SimTrade make(int i, long modified) {
        SplittableRandom r = Nasty.random(seed, i, 22);
        int lineCount = 1 + r.nextInt(5);
        List<SimTradeLine> lines = new ArrayList<>(lineCount);
        BigDecimal total = BigDecimal.ZERO;
        for (int k = 0; k < lineCount; k++) {
            SimTradeLine line = line(r, LINE_BASE + i * 8L + k, k);
            lines.add(line);
            total = total.add(line.sellTotal()).subtract(line.discountFee());
        }
        long tradeTime = modified - 1000L * r.nextInt(3 * 86_400);
        long created = tradeTime + 1000L * r.nextInt(60);
        long consigned = Math.min(modified, created + 1000L * r.nextInt(86_400));
        int shop = r.nextInt(7);
        return new SimTrade(i, tradeId(i), "JY" + (20_000_000_000L + i), i % 9 == 4 ? Nasty.name(r, "TB-" + i, 64) : "TB" + i,
                Long.toString(3_000_000_000_000_000_000L + i * 7L), STATUSES[r.nextInt(STATUSES.length)], 1 + r.nextInt(3),
                Long.toString(1_700_000_000_000_000_000L + shop * 101L), Nasty.name(r, "店铺" + shop, 100),
                Long.toString(1_000_000_000_000_000_000L + (i % 5) * 1_000_003L), "仓库" + i % 5,
                checkTotal(i, total), 1 + r.nextInt(4), Nasty.memo(r), Nasty.memo(r), tradeTime, created,
                modified, consigned, modified, i % 41 == 13 ? 1 : 0, List.copyOf(lines));
    }

    private static BigDecimal checkTotal(int i, BigDecimal linesTotal) {
        return i % 10 == 3 || i % 10 == 4 ? FOUR_PLACES[i / 10 % 2] : linesTotal.setScale(2, RoundingMode.HALF_UP).setScale(4);
    }

    /** A line of the given id, its goods from the seed. */
    SimTradeLine line(SplittableRandom r, long subTradeId, int k) {
        int sku = r.nextInt(100_000);
        BigDecimal count = BigDecimal.valueOf(1 + r.nextInt(5)).setScale(4);
        BigDecimal price = Nasty.amount(r, 0, 2000, 4);
        BigDecimal exact = count.multiply(price).setScale(4, RoundingMode.UNNECESSARY);
        BigDecimal total = k % 3 == 2 ? exact : exact.setScale(2, RoundingMode.HALF_UP).setScale(4);
        BigDecimal discount = r.nextInt(4) == 0 ? Nasty.amount(r, 0, 5, 2) : BigDecimal.ZERO.setScale(2);
        return new SimTradeLine(subTradeId, GoodsDataSet.GOODS_BASE + (sku / 3) * 17L, "G" + sku / 3,
                Nasty.name(r, "货品" + sku / 3, 200), Nasty.name(r, "颜色:红;尺码:XL", 100), "69" + String.format("%011d", sku),
                GoodsDataSet.skuId(seed, sku), count, k % 2 == 1, price, total, discount, r.nextInt(3) == 0 ? "件\t" : "件");
    }
}
