package io.jackyunsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;

/**
 * The methods of docs/jackyun/methods.md (goods, stock, sales orders) with their data sets, each empty until given; after a page
 * the moving-data fault moves that page's first record, as it does for warehouses.
 */
final class NewerMethods {

    volatile GoodsDataSet goods;
    volatile StockDataSet stock;
    volatile TradeMethod trades;

    NewerMethods(Clock clock) {
        goods = new GoodsDataSet(1, 0, clock);
        stock = new StockDataSet(1, 0, clock);
        trades = new TradeMethod(new TradeDataSet(1, 0, 200, clock));
    }

    /** Arms the one-shot faults of sales-order scrolls that {@code f} asks for. */
    void arm(SimulatorFaults f) {
        if (f.dropScrollOnce() > 0) {
            trades.dropFromNextScrollPage(f.dropScrollOnce());
        }
        if (f.noScrollIdOnce()) {
            trades.noScrollIdOnce();
        }
        trades.exclusiveBounds(f.exclusiveBounds());
    }

    /** The page of one of the three methods, or null for another method. */
    PageWriter.Page answer(String method, JsonNode biz) throws IOException {
        return switch (method) {
            case GoodsMethod.METHOD -> GoodsMethod.answer(new Biz(biz), goods);
            case StockMethod.METHOD -> StockMethod.answer(new Biz(biz), stock);
            case TradeMethod.METHOD -> trades.answer(new Biz(biz));
            default -> null;
        };
    }

    /** The moving-data fault: the record {@code id} of {@code method}'s data set is modified now. */
    void move(String method, String id) {
        switch (method) {
            case GoodsMethod.METHOD -> goods.touch(id);
            case StockMethod.METHOD -> stock.touch(id);
            default -> trades.data().touch(id);
        }
    }
}
