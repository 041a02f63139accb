package io.jackyunsync.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.GoodsDataSet;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SimSku;
import io.jackyunsync.simulator.SimStock;
import io.jackyunsync.simulator.SimulatorFaults;
import io.jackyunsync.simulator.StockDataSet;
import io.jackyunsync.simulator.WarehouseDataSet;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The goods and stock schemes against the simulator and the test database: 25,000 SKUs cross the 10,000-record wall
 * of offset paging by the maxSkuId cursor; stock pages that are not in id order are read whole by the largest id;
 * 19-digit ids and four-place decimal strings land exactly; the call count is the pages and nothing more.
 */
class GoodsAndStockSchemeTest extends SyncMainTestSupport {

    static final int SKUS = 25_000;
    static final int STOCK = 4_321;

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        Clock clock = Clock.systemUTC();
        return new JackyunSimulator(Simulators.APPKEY, Simulators.SECRET, new WarehouseDataSet(seed(), 10, clock), clock)
                .withGoods(new GoodsDataSet(seed(), SKUS, clock)).withStock(new StockDataSet(seed(), STOCK, clock)).start(0);
    }

    @Override
    protected void settings(Map<String, String> settings) {
        settings.put("sync.goods.enabled", "true");
        settings.put("sync.stock.enabled", "true");
    }

    @Test
    void should_page_25000_skus_past_the_deep_paging_wall_by_the_largest_sku_id() throws Exception {
        SyncRun run = app.run("goods");

        List<SimSku> served = simulator.goods().skus().stream().filter(s -> s.isDelete() == 0).toList();
        assertThat(served.size()).isGreaterThan(10_000 + 200);
        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getInserted()).isEqualTo(served.size());
        Map<Long, Map<String, Object>> rows = db.rows("SELECT sku_id, goods_id, goods_no, HEX(goods_name) AS goods_name,"
                + " HEX(sku_name) AS sku_name, sku_barcode, DATE_FORMAT(gmt_modified, '%Y-%m-%d %H:%i:%s') AS gmt_modified FROM goods_sku")
                .stream().collect(Collectors.toMap(r -> (Long) r.get("sku_id"), r -> r));
        assertThat(rows).hasSize(served.size());
        for (SimSku s : served) {
            assertThat(rows.get(s.skuId())).as("sku %s", s.skuId()).isNotNull()
                    .containsEntry("goods_id", s.goodsId())
                    .containsEntry("goods_no", s.goodsNo())
                    .containsEntry("goods_name", hex(s.goodsName()))
                    .containsEntry("sku_name", hex(s.skuName()))
                    .containsEntry("sku_barcode", s.skuBarcode())
                    .containsEntry("gmt_modified", BeijingTime.format(Instant.ofEpochMilli(s.gmtModified())));
        }
        // records / 200 full pages and the short one after them (an empty one asked once more, were it empty)
        long pages = served.size() / 200 + 1 + (served.size() % 200 == 0 ? 1 : 0);
        assertThat(simulator.calls("erp.storage.goodslist")).isEqualTo(pages);

        String touched = Long.toString(served.get(123).skuId());
        simulator.goods().touch(touched);
        long before = simulator.calls("erp.storage.goodslist");
        SyncRun incremental = app.run("goods");
        assertThat(incremental.isSucceeded()).as(incremental.summary()).isTrue();
        assertThat(simulator.calls("erp.storage.goodslist") - before).isOne();
        assertThat(db.rows("SELECT DATE_FORMAT(gmt_modified, '%Y-%m-%d %H:%i:%s') AS m FROM goods_sku WHERE sku_id = " + touched).get(0))
                .containsEntry("m", BeijingTime.format(Instant.ofEpochMilli(simulator.goods().sku(touched).gmtModified())));
    }

    @Test
    void should_read_stock_pages_out_of_id_order_whole_with_exact_quantities() throws Exception {
        SyncRun run = app.run("stock");

        List<SimStock> stock = simulator.stock().quantities();
        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getDuplicates()).isZero();
        Map<Long, Map<String, Object>> rows = db.rows("SELECT quantity_id, warehouse_code, sku_id, goods_no, sku_barcode,"
                + " CAST(current_quantity AS CHAR) AS current_quantity, CAST(locked_quantity AS CHAR) AS locked_quantity, use_quantity,"
                + " DATE_FORMAT(gmt_modified, '%Y-%m-%d %H:%i:%s') AS gmt_modified FROM stock_quantity").stream()
                .collect(Collectors.toMap(r -> (Long) r.get("quantity_id"), r -> r));
        assertThat(rows).hasSize(stock.size());
        for (SimStock s : stock) {
            Map<String, Object> row = rows.get(s.quantityId());
            assertThat(row).as("stock %s", s.quantityId()).isNotNull()
                    .containsEntry("warehouse_code", s.warehouseCode())
                    .containsEntry("sku_id", s.skuId())
                    .containsEntry("goods_no", s.goodsNo())
                    .containsEntry("sku_barcode", s.skuBarcode())
                    // the decimal strings as the gateway sent them, digit for digit
                    .containsEntry("current_quantity", s.currentQuantity())
                    .containsEntry("locked_quantity", s.lockedQuantity())
                    .containsEntry("gmt_modified", BeijingTime.format(Instant.ofEpochMilli(s.gmtModified())));
            assertThat((BigDecimal) row.get("use_quantity")).isEqualByComparingTo(s.useQuantity());
        }
        assertThat(simulator.calls("erp.stockquantity.get")).isEqualTo(stock.size() / 200 + 1 + (stock.size() % 200 == 0 ? 1 : 0));
    }

    /**
     * SKUs modified while the cursor walks (each leaves the window with a modified time after its end): the walk's
     * position is an id, so nothing shifts; the next run's window covers what left, and MySQL then holds every SKU's
     * latest version.
     */
    @Test
    void should_hold_every_sku_in_its_latest_version_after_the_next_run_when_skus_moved_during_the_walk() throws Exception {
        simulator.faults(SimulatorFaults.parse("moveEvery=4"));
        SyncRun first = app.run("goods");
        simulator.faults(SimulatorFaults.NONE);
        SyncRun next = app.run("goods");

        assertThat(first.isSucceeded()).as(first.summary()).isTrue();
        assertThat(next.isSucceeded()).as(next.summary()).isTrue();
        List<SimSku> served = simulator.goods().skus().stream().filter(s -> s.isDelete() == 0).toList();
        long end = BeijingTime.parse(first.getWindowEnd()).toEpochMilli();
        long moved = served.stream().filter(s -> s.gmtModified() > end).count();
        assertThat(moved).as("SKUs moved during the first run").isPositive();
        assertThat(next.getCounts().getUpdated()).isGreaterThanOrEqualTo(moved);
        Map<Long, Object> modified = db.rows("SELECT sku_id, DATE_FORMAT(gmt_modified, '%Y-%m-%d %H:%i:%s') AS m FROM goods_sku").stream()
                .collect(Collectors.toMap(r -> (Long) r.get("sku_id"), r -> r.get("m")));
        assertThat(modified).hasSize(served.size());
        for (SimSku s : served) {
            assertThat(modified.get(s.skuId())).as("sku %s", s.skuId())
                    .isEqualTo(BeijingTime.format(Instant.ofEpochMilli(s.gmtModified())));
        }
    }

    static String hex(String text) {
        return text == null ? null : HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
