package io.jackyunsync.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jackyunsync.jackyun.JackyunEnvelope;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code erp.warehouse.get} and {@code erp.sales.get} (docs/jackyun/methods.md): 0-based pages without a total over the warehouse
 * data set ({@link WarehousePager}) and its sales channels, with the warehouse faults (overlap, bad records, no
 * future end, moving data on the first record of a page).
 */
final class WarehouseMethod {

    private final WarehouseDataSet data;
    private final SalesChannelDataSet salesChannels;
    private final WarehousePager pager;
    private final Clock clock;

    WarehouseMethod(WarehouseDataSet data, Clock clock) {
        this.salesChannels = new SalesChannelDataSet(data.size(), Math.max(3, data.size() / 10));
        this.data = data;
        this.pager = new WarehousePager(data);
        this.clock = clock;
    }

    WarehouseDataSet data() {
        return data;
    }

    SalesChannelDataSet salesChannels() {
        return salesChannels;
    }

    /** The answer; {@code move} says the moving-data fault is due on this page. */
    byte[] answer(SignedRequest request, SimulatorFaults f, BooleanSupplier move) throws IOException {
        WarehouseQuery query = request.query();
        if (f.noFutureEnd() && query.endMillis() != null && query.endMillis() > clock.millis()) {
            throw new Refusal("0050030002", "[0050030002]gmtModifiedEnd is in the future");
        }
        if (request.salesChannels()) {
            return JackyunEnvelope.JSON.writeValueAsBytes(Envelopes.success("salesChannelInfo", salesPage(query)));
        }
        List<SimWarehouse> page = pager.page(query, f.overlap());
        byte[] json = Envelopes.warehousePage(page, f);
        if (move.getAsBoolean()) {
            data.moveOne(query, !page.isEmpty() ? page.get(0).id() : null);
        }
        return json;
    }

    private ArrayNode salesPage(WarehouseQuery q) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        q.inWindow(salesChannels.channels(), SalesChannelDataSet.Channel::gmtModified).stream()
                .skip((long) q.pageIndex() * q.pageSize()).limit(q.pageSize())
                .forEach(c -> list.add(c.json()));
        return list;
    }
}
