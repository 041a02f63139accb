package io.jackyunsync.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * One stock row of {@code erp.stockquantity.get} (a SKU in a warehouse): quantities as the gateway sends them,
 * current and locked as decimal strings of four places, the usable quantity as a JSON number.
 */
public record SimStock(int index, long quantityId, long warehouseId, String warehouseCode, String warehouseName, long goodsId,
        String goodsNo, String goodsName, long skuId, String skuName, String skuBarcode, String unitName,
        String currentQuantity, String lockedQuantity, BigDecimal useQuantity, BigDecimal costPrice,
        int isBlockup, long gmtModified, boolean batches) implements OverlaySet.Keyed {

    @Override
    public long id() {
        return quantityId;
    }

    @Override
    public long modified() {
        return gmtModified;
    }

    SimStock touched(long now) {
        BigDecimal current = new BigDecimal(currentQuantity).add(BigDecimal.ONE);
        return new SimStock(index, quantityId, warehouseId, warehouseCode, warehouseName, goodsId, goodsNo, goodsName, skuId,
                skuName, skuBarcode, unitName, current.setScale(4).toPlainString(), lockedQuantity,
                useQuantity.add(BigDecimal.ONE), costPrice, isBlockup, Math.max(now, gmtModified + 1), batches);
    }

    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("quantityId", Long.toString(quantityId));
        g.writeStringField("warehouseId", Long.toString(warehouseId));
        g.writeStringField("warehouseCode", warehouseCode);
        g.writeStringField("warehouseName", warehouseName);
        g.writeStringField("goodsId", Long.toString(goodsId));
        g.writeStringField("goodsNo", goodsNo);
        g.writeStringField("goodsName", goodsName);
        g.writeStringField("skuId", Long.toString(skuId));
        g.writeStringField("skuName", skuName);
        g.writeStringField("skuBarcode", skuBarcode);
        g.writeStringField("unitName", unitName);
        g.writeStringField("currentQuantity", currentQuantity);
        g.writeStringField("lockedQuantity", lockedQuantity);
        g.writeFieldName("useQuantity");
        g.writeNumber(useQuantity);
        g.writeFieldName("costPrice");
        g.writeNumber(costPrice);
        g.writeNumberField("isBlockup", isBlockup);
        g.writeNumberField("gmtModified", gmtModified);
        if (batches) {
            g.writeArrayFieldStart("batchList");
            for (int k = 0; k < 2; k++) {
                g.writeStartObject();
                g.writeStringField("batchNo", "B" + quantityId + "-" + k);
                g.writeStringField("quantityId", Long.toString(quantityId));
                g.writeStringField("currentQuantity", k == 0 ? currentQuantity : "0.0000");
                g.writeStringField("productionDate", "2025-01-0" + (k + 1) + " 00:00:00");
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
