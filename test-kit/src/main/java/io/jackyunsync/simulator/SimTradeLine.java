package io.jackyunsync.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * One line ({@code goodsDetail[]}) of a sales order: {@code subTradeId} is its key, unique across all orders; amounts
 * go out as strings of four places (the count, every other line, as a number), the total rounded to two but on every
 * third line (10.0050, not 10.01).
 */
public record SimTradeLine(long subTradeId, long goodsId, String goodsNo, String goodsName, String specName, String barcode,
        long skuId, BigDecimal sellCount, boolean countAsNumber, BigDecimal sellPrice, BigDecimal sellTotal,
        BigDecimal discountFee, String unit) {

    void write(JsonGenerator g, TradeProjection p) throws IOException {
        g.writeStartObject();
        text(g, p, "subTradeId", Long.toString(subTradeId));
        text(g, p, "goodsId", Long.toString(goodsId));
        text(g, p, "goodsNo", goodsNo);
        text(g, p, "goodsName", goodsName);
        text(g, p, "specName", specName);
        text(g, p, "barcode", barcode);
        text(g, p, "skuId", Long.toString(skuId));
        if (p.line("sellCount")) {
            g.writeFieldName("sellCount");
            if (countAsNumber) {
                g.writeNumber(sellCount);
            } else {
                g.writeString(sellCount.toPlainString());
            }
        }
        text(g, p, "sellPrice", sellPrice.toPlainString());
        text(g, p, "sellTotal", sellTotal.toPlainString());
        text(g, p, "discountFee", discountFee.toPlainString());
        text(g, p, "unit", unit);
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, TradeProjection p, String field, String value) throws IOException {
        if (p.line(field)) {
            g.writeStringField(field, value);
        }
    }
}
