package io.jackyunsync.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jackyunsync.jackyun.BeijingTime;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One sales order of {@code oms.trade.fullinfoget} with its lines, immutable (an amendment is a new version): times are
 * epoch ms on whole seconds and go out as Beijing {@code yyyy-MM-dd HH:mm:ss}; the total (four places) alternates number
 * and string; {@code isDelete} 1: deleted in Jackyun, still served.
 */
public record SimTrade(int index, long tradeId, String tradeNo, String sourceTradeNo, String onlineTradeNo, int tradeStatus,
        int tradeType, String shopId, String shopName, String warehouseId, String warehouseName,
        BigDecimal checkTotal, int payType, String sellerMemo, String buyerMemo, long tradeTime,
        long gmtCreate, long gmtModified, long consignTime, long completeTime, int isDelete,
        List<SimTradeLine> lines) implements OverlaySet.Keyed {

    @Override
    public long id() {
        return tradeId;
    }

    @Override
    public long modified() {
        return gmtModified;
    }

    /** This order with other lines or memo, modified at {@code modified}. */
    SimTrade amended(List<SimTradeLine> newLines, String newSellerMemo, long modified) {
        return amended(newLines, newSellerMemo, isDelete, modified);
    }

    /** This order with other lines, memo or delete flag, modified at {@code modified}. */
    SimTrade amended(List<SimTradeLine> newLines, String newSellerMemo, int newIsDelete, long modified) {
        return new SimTrade(index, tradeId, tradeNo, sourceTradeNo, onlineTradeNo, tradeStatus, tradeType, shopId, shopName,
                warehouseId, warehouseName, checkTotal, payType, newSellerMemo, buyerMemo, tradeTime, gmtCreate, modified,
                consignTime, completeTime, newIsDelete, List.copyOf(newLines));
    }

    void write(JsonGenerator g, TradeProjection p) throws IOException {
        g.writeStartObject();
        text(g, p, "tradeId", Long.toString(tradeId));
        text(g, p, "tradeNo", tradeNo);
        text(g, p, "sourceTradeNo", sourceTradeNo);
        text(g, p, "onlineTradeNo", onlineTradeNo);
        number(g, p, "tradeStatus", tradeStatus);
        number(g, p, "tradeType", tradeType);
        text(g, p, "shopId", shopId);
        text(g, p, "shopName", shopName);
        text(g, p, "warehouseId", warehouseId);
        text(g, p, "warehouseName", warehouseName);
        if (p.order("checkTotal")) {
            g.writeFieldName("checkTotal");
            if (index % 2 == 0) {
                g.writeNumber(checkTotal);
            } else {
                g.writeString(checkTotal.toPlainString());
            }
        }
        number(g, p, "payType", payType);
        text(g, p, "sellerMemo", sellerMemo);
        text(g, p, "buyerMemo", buyerMemo);
        text(g, p, "tradeTime", time(tradeTime));
        text(g, p, "gmtCreate", time(gmtCreate));
        text(g, p, "gmtModified", time(gmtModified));
        text(g, p, "consignTime", time(consignTime));
        text(g, p, "completeTime", time(completeTime));
        number(g, p, "isDelete", isDelete);
        if (p.anyLine()) {
            g.writeArrayFieldStart("goodsDetail");
            for (SimTradeLine line : lines) {
                line.write(g, p);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    static String time(long millis) {
        return BeijingTime.format(Instant.ofEpochMilli(millis));
    }

    private static void text(JsonGenerator g, TradeProjection p, String field, String value) throws IOException {
        if (p.order(field)) {
            g.writeStringField(field, value);
        }
    }

    private static void number(JsonGenerator g, TradeProjection p, String field, int value) throws IOException {
        if (p.order(field)) {
            g.writeNumberField(field, value);
        }
    }
}
