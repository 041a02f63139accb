package io.jackyunsync.simulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code erp.stockquantity.get} (docs/jackyun/methods.md): offset pages by (gmtModified, quantityId) up to the deep-paging wall;
 * with {@code maxQuantityId} the next pageSize rows by quantityId above it, served newest-modified first so that only
 * the page's largest id is a safe cursor; {@code result.data} goes out as a JSON string.
 */
final class StockMethod {

    static final String METHOD = "erp.stockquantity.get";

    private StockMethod() {
    }

    static PageWriter.Page answer(Biz biz, StockDataSet data) throws IOException {
        int pageIndex = biz.pageIndex();
        int pageSize = biz.pageSize();
        Long start = biz.time("gmtModifiedStart", false);
        Long end = biz.time("gmtModifiedEnd", false);
        Biz.ordered(start, end, "gmtModifiedStart", "gmtModifiedEnd");
        Long cursor = biz.cursor("maxQuantityId");
        String warehouse = biz.text("warehouseCode");
        String goodsNo = biz.text("goodsNo");
        String barcodes = biz.text("skuBarcode");
        Set<String> barcodeSet = barcodes == null ? null : Set.of(barcodes.replace(" ", "").split(","));
        boolean noBlockup = biz.integer("isBlockup", false, 1) == 2;
        long skip;
        if (cursor == null) {
            Biz.belowWall(pageIndex, pageSize, "maxQuantityId");
            skip = (long) pageIndex * pageSize;
        } else {
            Biz.firstPageWithCursor(pageIndex, "maxQuantityId");
            skip = 0;
        }
        OverlaySet<SimStock>.Walk walk = data.set().walk(start, end, cursor);
        List<SimStock> page = new ArrayList<>(pageSize);
        boolean filtered = warehouse != null || goodsNo != null || barcodeSet != null || noBlockup;
        for (int h = walk.next(); h != Integer.MIN_VALUE && page.size() < pageSize; h = walk.next()) {
            if (!filtered && skip > 0) {
                skip--; // without filters a skipped row need not be made
                continue;
            }
            SimStock s = walk.get(h);
            if ((warehouse != null && !warehouse.equals(s.warehouseCode())) || (goodsNo != null && !goodsNo.equals(s.goodsNo()))
                    || (barcodeSet != null && !barcodeSet.contains(s.skuBarcode())) || (noBlockup && s.isBlockup() == 1)) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            page.add(s);
        }
        if (cursor != null) {
            page.sort(Comparator.comparingLong(SimStock::gmtModified).thenComparingLong(SimStock::quantityId).reversed());
        }
        byte[] json = PageWriter.success("", true, null, g -> {
            g.writeArrayFieldStart("goodsStockQuantity");
            for (SimStock s : page) {
                s.write(g);
            }
            g.writeEndArray();
        });
        return new PageWriter.Page(json, page.isEmpty() ? null : Long.toString(page.get(0).quantityId()));
    }
}
