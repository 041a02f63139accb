package io.jackyunsync.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** One SKU of {@code erp.storage.goodslist} as the simulator holds it: the fields a reconciliation compares. */
public record SimSku(int index, long skuId, long goodsId, String goodsNo, String goodsName, String skuName, String skuBarcode,
        String unitName, String cateName, String brandName, int isBlockup, int skuIsBlockup, int isDelete,
        long gmtCreate, long gmtModified) implements OverlaySet.Keyed {

    @Override
    public long id() {
        return skuId;
    }

    @Override
    public long modified() {
        return gmtModified;
    }

    SimSku touched(long now) {
        return new SimSku(index, skuId, goodsId, goodsNo, goodsName, skuName, skuBarcode, unitName, cateName, brandName,
                isBlockup, skuIsBlockup, isDelete, gmtCreate, Math.max(now, gmtModified + 1));
    }

    /** The record as the gateway sends it: ids as strings (19 digits do not survive a double), times as epoch ms. */
    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("skuId", Long.toString(skuId));
        g.writeStringField("goodsId", Long.toString(goodsId));
        g.writeStringField("goodsNo", goodsNo);
        g.writeStringField("goodsName", goodsName);
        g.writeStringField("skuName", skuName);
        g.writeStringField("skuBarcode", skuBarcode);
        g.writeStringField("unitName", unitName);
        g.writeStringField("cateName", cateName);
        g.writeStringField("brandName", brandName);
        g.writeNumberField("isBlockup", isBlockup);
        g.writeNumberField("skuIsBlockup", skuIsBlockup);
        g.writeNumberField("isDelete", isDelete);
        g.writeNumberField("gmtCreate", gmtCreate);
        g.writeNumberField("gmtModified", gmtModified);
        g.writeArrayFieldStart("imgUrlList");
        for (int k = 0; k < index % 3; k++) {
            g.writeString("https://img.example.com/sku/" + skuId + "/" + k + ".jpg?x=\"1\"&y=2");
        }
        g.writeEndArray();
        g.writeArrayFieldStart("goodsUnit");
        g.writeStartObject();
        g.writeStringField("unitName", unitName);
        g.writeNumberField("ratio", 1);
        g.writeEndObject();
        if (index % 4 == 1) {
            g.writeStartObject();
            g.writeStringField("unitName", "箱📦");
            g.writeStringField("ratio", "12.0000");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
