package io.jackyunsync.simulator;

import static io.jackyunsync.simulator.SignedPost.biz;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code erp.stockquantity.get}: data as a JSON string, quantities as strings, and the cursor that must be the maximum. */
class StockMethodTest {

    static final String METHOD = "erp.stockquantity.get";
    static final int SIZE = 1000;
    static JackyunSimulator simulator;
    static StockDataSet stock;

    @BeforeAll
    static void start() throws Exception {
        stock = new StockDataSet(9, SIZE, Clock.systemUTC());
        simulator = new JackyunSimulator(SignedPost.APPKEY, SignedPost.SECRET, new WarehouseDataSet(1, 3, Clock.systemUTC()),
                Clock.systemUTC()).withStock(stock).start(0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static SignedPost.Answer call(Map<String, ?> biz) {
        return SignedPost.call(simulator.url(), METHOD, biz);
    }

    static List<JsonNode> rows(SignedPost.Answer a) {
        List<JsonNode> rows = new ArrayList<>();
        a.data().get("goodsStockQuantity").forEach(rows::add);
        return rows;
    }

    @Test
    void should_send_result_data_as_a_json_string_with_quantities_as_four_place_strings() {
        SignedPost.Answer a = call(biz("pageIndex", 0, "pageSize", 200));
        assertThat(a.ok()).isTrue();
        assertThat(a.root().path("result").path("data").isTextual()).isTrue();
        assertThat(a.raw()).contains("\"data\":\"{\\\"goodsStockQuantity\\\":[");
        List<JsonNode> rows = rows(a);
        assertThat(rows).hasSize(200);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("quantityId").isTextual()).isTrue();
            assertThat(r.get("quantityId").asText()).hasSize(19);
            assertThat(r.get("skuId").asText()).hasSize(19);
            assertThat(r.get("currentQuantity").asText()).matches("-?\\d+\\.\\d{4}");
            assertThat(r.get("lockedQuantity").asText()).matches("-?\\d+\\.\\d{4}");
            assertThat(r.get("useQuantity").isNumber()).isTrue();
            assertThat(r.get("gmtModified").isNumber()).isTrue();
        });
        assertThat(rows).anySatisfy(r -> assertThat(r.get("currentQuantity").asText()).startsWith("-"));
        assertThat(rows).anySatisfy(r -> assertThat(r.path("batchList").isArray()).isTrue());
        SimStock expected = stock.quantity(rows.get(0).get("quantityId").asText());
        assertThat(rows.get(0).get("currentQuantity").asText()).isEqualTo(expected.currentQuantity());
    }

    @Test
    void should_refuse_every_limit() {
        StockAssert.refused(call(biz("pageIndex", 50, "pageSize", 200)), "too deep");
        StockAssert.refused(call(biz("pageIndex", 100, "pageSize", 100)), "too deep");
        StockAssert.refused(call(biz("pageIndex", 1, "pageSize", 100, "maxQuantityId", "5")), "pageIndex must be 0");
        StockAssert.refused(call(biz("pageIndex", 0, "pageSize", 0)), "pageSize");
        StockAssert.refused(call(biz("pageIndex", 0, "pageSize", 201)), "pageSize");
        assertThat(call(biz("pageIndex", 49, "pageSize", 200)).ok()).isTrue();
    }

    @Test
    void should_serve_cursor_pages_out_of_id_order_complete_only_when_the_cursor_is_the_largest_id() {
        List<JsonNode> first = rows(call(biz("pageIndex", 0, "pageSize", 100, "maxQuantityId", "0")));
        List<BigInteger> ids = first.stream().map(r -> new BigInteger(r.get("quantityId").asText())).toList();
        assertThat(ids).as("a cursor page is not in id order").isNotEqualTo(ids.stream().sorted().toList());
        int budget = SIZE / 100 + 1;
        Set<String> byMax = walk(budget, page -> page.stream().map(r -> new BigInteger(r.get("quantityId").asText()))
                .max(Comparator.naturalOrder()).orElseThrow().toString());
        Set<String> byLast = walk(budget, page -> page.get(page.size() - 1).get("quantityId").asText());
        Set<String> expected = new HashSet<>();
        stock.quantities().forEach(q -> expected.add(Long.toString(q.quantityId())));
        assertThat(byMax).isEqualTo(expected);
        // the last row is the page's smallest id: the next page re-reads all but one row, so the same calls read far less
        assertThat(byLast.size()).isLessThan(expected.size() / 2);
    }

    @Test
    void should_filter_by_warehouse_and_barcodes() {
        List<JsonNode> rows = rows(call(biz("pageIndex", 0, "pageSize", 200, "warehouseCode", "CK002")));
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("warehouseCode").asText()).isEqualTo("CK002"));
        SimStock a = stock.quantities().get(10);
        SimStock b = stock.quantities().get(40);
        List<JsonNode> byCode = rows(call(biz("pageIndex", 0, "pageSize", 200, "skuBarcode", a.skuBarcode() + "," + b.skuBarcode())));
        assertThat(byCode).extracting(r -> r.get("skuBarcode").asText()).containsOnly(a.skuBarcode(), b.skuBarcode());
        assertThat(byCode).hasSize(2 * StockDataSet.WAREHOUSES);
    }

    /** Pages with the cursor that {@code next} picks from each page, at most {@code calls} calls; the distinct ids read. */
    private static Set<String> walk(int calls, Function<List<JsonNode>, String> next) {
        Set<String> read = new HashSet<>();
        String cursor = "0";
        for (int c = 0; c < calls; c++) {
            List<JsonNode> page = rows(call(biz("pageIndex", 0, "pageSize", 100, "maxQuantityId", cursor)));
            page.forEach(r -> read.add(r.get("quantityId").asText()));
            if (page.size() < 100) {
                break;
            }
            cursor = next.apply(page);
        }
        return read;
    }

    /** The refusal of a parameter error. */
    static final class StockAssert {
        static void refused(SignedPost.Answer a, String why) {
            GoodsMethodTest.assertRefused(a, why);
        }
    }
}
