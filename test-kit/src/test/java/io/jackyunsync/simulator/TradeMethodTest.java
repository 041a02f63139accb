package io.jackyunsync.simulator;

import static io.jackyunsync.simulator.SignedPost.biz;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code oms.trade.fullinfoget}: the 7-day window, the archive table, scroll paging over a snapshot, the total, faults. */
class TradeMethodTest {

    static final String METHOD = "oms.trade.fullinfoget";
    static final long DAY = 86_400_000L;
    static JackyunSimulator simulator;
    static TradeDataSet trades;

    @BeforeAll
    static void start() throws Exception {
        trades = new TradeDataSet(3, 3000, 200, Clock.systemUTC());
        simulator = new JackyunSimulator(SignedPost.APPKEY, SignedPost.SECRET, new WarehouseDataSet(1, 3, Clock.systemUTC()),
                Clock.systemUTC()).withTrades(trades).start(0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static SignedPost.Answer call(Map<String, ?> biz) {
        return SignedPost.call(simulator.url(), METHOD, biz);
    }

    static String time(long millis) {
        return BeijingTime.format(Instant.ofEpochMilli(millis));
    }

    static Map<String, Object> window(long start, long end, int pageSize) {
        return biz("startModified", time(start), "endModified", time(end), "pageSize", pageSize, "hasTotal", 1);
    }

    /** Scrolls a window to its end (a short page), at most 200 calls; the orders read. */
    static List<JsonNode> scroll(Map<String, Object> biz) {
        List<JsonNode> read = new ArrayList<>();
        biz.remove("scrollId");
        for (int c = 0; c < 200; c++) {
            SignedPost.Answer a = call(biz);
            assertThat(a.ok()).as(a.raw()).isTrue();
            a.data().get("trades").forEach(read::add);
            if (a.data().get("trades").size() < (int) biz.get("pageSize")) {
                break;
            }
            biz.put("scrollId", a.data().get("scrollId").asText());
        }
        return read;
    }

    /** The ids of the orders modified (to the second) in [start, end] that the table holds now. */
    static List<String> expected(long start, long end, boolean archive) {
        long s = start / 1000 * 1000;
        long e = end / 1000 * 1000;
        return trades.trades().stream().filter(t -> t.gmtModified() >= s && t.gmtModified() <= e
                && trades.archived(t.gmtModified()) == archive)
                .sorted(Comparator.comparingLong(SimTrade::gmtModified).thenComparingLong(SimTrade::tradeId))
                .map(t -> Long.toString(t.tradeId())).toList();
    }

    static List<String> ids(List<JsonNode> orders) {
        return orders.stream().map(o -> o.get("tradeId").asText()).toList();
    }

    @Test
    void should_refuse_a_window_wider_than_7_days_missing_ends_bad_page_sizes_and_bad_scroll_ids() {
        long now = System.currentTimeMillis();
        GoodsMethodTest.assertRefused(call(window(now - 7 * DAY - 1000, now, 20)), "7 days");
        assertThat(call(window(now - 7 * DAY, now, 20)).ok()).isTrue();
        GoodsMethodTest.assertRefused(call(biz("endModified", time(now), "pageSize", 20)), "startModified is required");
        GoodsMethodTest.assertRefused(call(biz("startModified", time(now), "pageSize", 20)), "endModified is required");
        GoodsMethodTest.assertRefused(call(window(now - DAY, now, 0)), "pageSize");
        GoodsMethodTest.assertRefused(call(window(now - DAY, now, 201)), "pageSize");
        Map<String, Object> bad = window(now - DAY, now, 20);
        bad.put("scrollId", "not-a-scroll-id!");
        GoodsMethodTest.assertRefused(call(bad), "scrollId");
        bad.put("scrollId", Base64.getUrlEncoder().encodeToString("jys1:abc:0:1".getBytes()));
        GoodsMethodTest.assertRefused(call(bad), "scrollId");
    }

    @Test
    void should_scroll_a_window_whole_with_the_cursor_only_in_result_data_and_tell_the_total() {
        long end = System.currentTimeMillis() - 10 * DAY;
        long start = end - 7 * DAY;
        SignedPost.Answer first = call(window(start, end, 20));
        assertThat(first.root().get("scrollId").asText()).as("the top-level scrollId is always empty").isEmpty();
        String scrollId = first.data().get("scrollId").asText();
        assertThat(scrollId).isNotEmpty();
        List<String> expected = expected(start, end, false);
        assertThat(first.data().get("totalResults").asInt()).isEqualTo(expected.size());
        assertThat(expected.size()).isGreaterThan(60);
        assertThat(ids(scroll(window(start, end, 20)))).containsExactlyElementsOf(expected);
        Map<String, Object> again = window(start, end, 20);
        again.put("scrollId", scrollId);
        SignedPost.Answer second = call(again);
        assertThat(call(again).data().get("trades")).as("the same scrollId, the same page").isEqualTo(second.data().get("trades"));
        assertThat(ids(toList(second.data().get("trades")))).containsExactlyElementsOf(expected.subList(20, 40));
        Map<String, Object> noTotal = window(start, end, 20);
        noTotal.remove("hasTotal");
        assertThat(call(noTotal).data().has("totalResults")).isFalse();
    }

    @Test
    void should_serve_an_order_100_days_old_only_from_the_archive_table() {
        long now = System.currentTimeMillis();
        SimTrade old = trades.trades().stream().filter(t -> t.gmtModified() <= now - 100 * DAY).reduce((a, b) -> b).orElseThrow();
        Map<String, Object> current = window(old.gmtModified() - 3 * DAY, old.gmtModified() + 3 * DAY, 200);
        assertThat(ids(scroll(current))).doesNotContain(Long.toString(old.tradeId())).isEmpty();
        Map<String, Object> archive = window(old.gmtModified() - 3 * DAY, old.gmtModified() + 3 * DAY, 200);
        archive.put("isTableSwitch", 2);
        assertThat(ids(scroll(archive))).contains(Long.toString(old.tradeId()))
                .containsExactlyElementsOf(expected(old.gmtModified() - 3 * DAY, old.gmtModified() + 3 * DAY, true));
        long start = now - 93 * DAY;
        Map<String, Object> straddle = window(start, start + 6 * DAY, 200);
        List<String> fromCurrent = ids(scroll(straddle));
        straddle.put("isTableSwitch", 2);
        List<String> fromArchive = ids(scroll(straddle));
        assertThat(fromCurrent).isNotEmpty().doesNotContainAnyElementsOf(fromArchive);
        assertThat(fromArchive).isNotEmpty();
    }

    @Test
    void should_keep_ids_exact_and_text_whole() {
        long end = System.currentTimeMillis() - DAY;
        SignedPost.Answer a = call(window(end - 7 * DAY, end, 200));
        List<JsonNode> orders = toList(a.data().get("trades"));
        assertThat(orders).isNotEmpty().allSatisfy(o -> {
            SimTrade t = trades.trade(o.get("tradeId").asText());
            assertThat(o.get("tradeId").isTextual()).isTrue();
            assertThat(a.raw()).contains("\"tradeId\":\"" + t.tradeId() + "\"");
            assertThat(o.get("sellerMemo").asText()).isEqualTo(t.sellerMemo());
            assertThat(o.get("buyerMemo").asText()).isEqualTo(t.buyerMemo());
            assertThat(o.get("gmtModified").asText()).isEqualTo(time(t.gmtModified()));
            assertThat(o.get("goodsDetail")).hasSize(t.lines().size());
            assertThat(o.get("goodsDetail").get(0).get("subTradeId").asText()).isEqualTo(Long.toString(t.lines().get(0).subTradeId()));
            assertThat(o.get("goodsDetail").get(0).get("sellPrice").asText()).matches("\\d+\\.\\d{4}");
        });
        assertThat(orders).anySatisfy(o -> assertThat(o.get("checkTotal").isTextual()).isTrue());
        assertThat(orders).anySatisfy(o -> assertThat(o.get("checkTotal").isNumber()).isTrue());
        assertThat(trades.trades()).anySatisfy(t -> assertThat(t.sellerMemo().length() + t.buyerMemo().length()).isGreaterThan(2000));
    }

    @Test
    void should_return_only_the_fields_asked_for() {
        long end = System.currentTimeMillis() - DAY;
        Map<String, Object> biz = window(end - 7 * DAY, end, 5);
        biz.put("fields", "tradeId,tradeNo,goodsDetail.subTradeId,goodsDetail.sellCount");
        JsonNode order = call(biz).data().get("trades").get(0);
        assertThat(order.properties()).extracting(Map.Entry::getKey).containsExactly("tradeId", "tradeNo", "goodsDetail");
        assertThat(order.get("goodsDetail").get(0).properties()).extracting(Map.Entry::getKey)
                .containsExactly("subTradeId", "sellCount");
    }

    static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
