package io.jackyunsync.simulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code erp.storage.goodslist} (docs/jackyun/methods.md): offset pages by (gmtModified, skuId) up to the deep-paging wall, past it
 * the {@code maxSkuId} cursor (ascending skuId, pageIndex 0 only); success carries sub-code {@code 0030000004}.
 */
final class GoodsMethod {

    static final String METHOD = "erp.storage.goodslist";
    static final String SUCCESS_SUBCODE = "0030000004";

    private GoodsMethod() {
    }

    static PageWriter.Page answer(Biz biz, GoodsDataSet data) throws IOException {
        int pageIndex = biz.pageIndex();
        int pageSize = biz.pageSize();
        Long start = biz.time("startDateModifiedSku", false);
        Long end = biz.time("endDateModifiedSku", false);
        Biz.ordered(start, end, "startDateModifiedSku", "endDateModifiedSku");
        Long maxSkuId = biz.cursor("maxSkuId");
        boolean withDeleted = biz.integer("isQueryDelete", false, 0) == 1;
        long skip;
        if (maxSkuId == null) {
            Biz.belowWall(pageIndex, pageSize, "maxSkuId");
            skip = (long) pageIndex * pageSize;
        } else {
            Biz.firstPageWithCursor(pageIndex, "maxSkuId");
            skip = 0;
        }
        OverlaySet<SimSku>.Walk walk = data.set().walk(start, end, maxSkuId);
        List<SimSku> page = new ArrayList<>(pageSize);
        for (int h = walk.next(); h != Integer.MIN_VALUE && page.size() < pageSize; h = walk.next()) {
            if (!withDeleted && GoodsDataSet.deleted(h >= 0 ? h : walk.get(h).index())) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            page.add(walk.get(h));
        }
        byte[] json = PageWriter.success(SUCCESS_SUBCODE, false, null, g -> {
            g.writeArrayFieldStart("goods");
            for (SimSku s : page) {
                s.write(g);
            }
            g.writeEndArray();
        });
        return new PageWriter.Page(json, page.isEmpty() ? null : Long.toString(page.get(0).skuId()));
    }
}
