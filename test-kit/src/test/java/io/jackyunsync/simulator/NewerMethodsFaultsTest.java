package io.jackyunsync.simulator;

import static io.jackyunsync.simulator.SignedPost.biz;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunEnvelope;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The transient faults and the moving-data fault apply to the newer methods too; scroll snapshots stay bounded. */
class NewerMethodsFaultsTest {

    static JackyunSimulator simulator(String faults) throws Exception {
        Clock clock = Clock.systemUTC();
        return new JackyunSimulator(SignedPost.APPKEY, SignedPost.SECRET, new WarehouseDataSet(1, 3, clock), clock)
                .withGoods(new GoodsDataSet(2, 300, clock)).withStock(new StockDataSet(2, 300, clock))
                .withTrades(new TradeDataSet(2, 300, 200, clock)).faults(SimulatorFaults.parse(faults)).start(0);
    }

    @Test
    void should_answer_every_method_with_the_injected_5xx() throws Exception {
        try (JackyunSimulator sim = simulator("5xx=1")) {
            for (String method : new String[]{GoodsMethod.METHOD, StockMethod.METHOD, TradeMethod.METHOD}) {
                assertThatThrownBy(() -> SignedPost.call(sim.url(), method, biz("pageIndex", 0, "pageSize", 10)))
                        .hasMessageContaining("HTTP 503");
                assertThat(sim.calls(method)).isEqualTo(1);
            }
            assertThat(sim.faultsInjected()).isEqualTo(3);
        }
    }

    @Test
    void should_answer_the_throttle_envelope_on_the_newer_methods() throws Exception {
        try (JackyunSimulator sim = simulator("throttle=1")) {
            SignedPost.Answer a = SignedPost.call(sim.url(), StockMethod.METHOD, biz("pageIndex", 0, "pageSize", 10));
            assertThat(a.subCode()).isEqualTo("0859999999");
        }
    }

    @Test
    void should_move_the_first_record_of_every_nth_goods_and_stock_page() throws Exception {
        try (JackyunSimulator sim = simulator("moveEvery=1")) {
            long before = System.currentTimeMillis() - 1000;
            String sku = SignedPost.call(sim.url(), GoodsMethod.METHOD, biz("pageIndex", 0, "pageSize", 10))
                    .data().get("goods").get(0).get("skuId").asText();
            assertThat(sim.goods().sku(sku).gmtModified()).isGreaterThanOrEqualTo(before);
            String row = SignedPost.call(sim.url(), StockMethod.METHOD, biz("pageIndex", 0, "pageSize", 10))
                    .data().get("goodsStockQuantity").get(0).get("quantityId").asText();
            assertThat(sim.stock().quantity(row).gmtModified()).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    void should_keep_at_most_64_scroll_snapshots() throws Exception {
        Clock clock = Clock.systemUTC();
        TradeMethod method = new TradeMethod(new TradeDataSet(2, 300, 200, clock));
        String now = BeijingTime.format(Instant.now());
        String weekAgo = BeijingTime.format(Instant.now().minusSeconds(7 * 86_400));
        for (int i = 0; i < 100; i++) {
            method.answer(new Biz(JackyunEnvelope.JSON.readTree(
                    "{\"startModified\":\"" + weekAgo + "\",\"endModified\":\"" + now + "\",\"pageSize\":5}")));
        }
        assertThat(method.snapshots()).isEqualTo(TradeScroll.MAX_SNAPSHOTS);
    }
}
