package io.jackyunsync.simulator;

import static io.jackyunsync.simulator.SignedPost.biz;
import static io.jackyunsync.simulator.TradeMethodTest.DAY;
import static io.jackyunsync.simulator.TradeMethodTest.ids;
import static io.jackyunsync.simulator.TradeMethodTest.time;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sales orders that change while served, the one-shot scroll faults, per-method call counts, and a million orders. */
class TradeChangesTest {

    static final String METHOD = "oms.trade.fullinfoget";
    JackyunSimulator simulator;
    TradeDataSet trades;

    JackyunSimulator start(int count, String faults) throws Exception {
        trades = new TradeDataSet(4, count, 200, Clock.systemUTC());
        simulator = new JackyunSimulator(SignedPost.APPKEY, SignedPost.SECRET, new WarehouseDataSet(1, 3, Clock.systemUTC()),
                Clock.systemUTC()).withTrades(trades).faults(SimulatorFaults.parse(faults)).start(0);
        return simulator;
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    SignedPost.Answer call(Map<String, ?> biz) {
        return SignedPost.call(simulator.url(), METHOD, biz);
    }

    Map<String, Object> window(long start, long end, int pageSize) {
        return biz("startModified", time(start), "endModified", time(end), "pageSize", pageSize, "hasTotal", 1);
    }

    List<JsonNode> scroll(Map<String, Object> biz) {
        List<JsonNode> read = new ArrayList<>();
        biz.remove("scrollId");
        for (int c = 0; c < 500; c++) {
            SignedPost.Answer a = call(biz);
            a.data().get("trades").forEach(read::add);
            if (a.data().get("trades").size() < (int) biz.get("pageSize")) {
                break;
            }
            biz.put("scrollId", a.data().get("scrollId").asText());
        }
        return read;
    }

    @Test
    void should_serve_amended_orders_as_modified_now_with_their_new_lines() throws Exception {
        start(2000, "");
        long now = System.currentTimeMillis();
        SimTrade archived = trades.trades().get(10);
        assertThat(trades.archived(archived.gmtModified())).isTrue();
        SimTrade withLines = trades.trades().stream().filter(t -> t.lines().size() >= 2).skip(5).findFirst().orElseThrow();
        String removed = Long.toString(withLines.lines().get(0).subTradeId());
        trades.removeLine(Long.toString(withLines.tradeId()), removed);
        String added = trades.addLine(Long.toString(withLines.tradeId()));
        trades.setSellerMemo(Long.toString(archived.tradeId()), "新备注 \"q\" \\ 😀\n\t\u2028");
        List<JsonNode> recent = scroll(window(now - 2000, now + 60_000, 50));
        assertThat(ids(recent)).contains(Long.toString(withLines.tradeId()), Long.toString(archived.tradeId()));
        JsonNode amended = recent.stream().filter(o -> o.get("tradeId").asText().equals(Long.toString(withLines.tradeId())))
                .findFirst().orElseThrow();
        assertThat(amended.get("goodsDetail")).extracting(l -> l.get("subTradeId").asText()).doesNotContain(removed).contains(added)
                .hasSize(withLines.lines().size());
        JsonNode memo = recent.stream().filter(o -> o.get("tradeId").asText().equals(Long.toString(archived.tradeId())))
                .findFirst().orElseThrow();
        assertThat(memo.get("sellerMemo").asText()).isEqualTo("新备注 \"q\" \\ 😀\n\t\u2028");
        Map<String, Object> oldWindow = window(archived.gmtModified() - DAY, archived.gmtModified() + DAY, 200);
        oldWindow.put("isTableSwitch", 2);
        assertThat(ids(scroll(oldWindow))).doesNotContain(Long.toString(archived.tradeId()));
    }

    @Test
    void should_leave_orders_out_of_one_full_scroll_page_once_while_the_total_stays_true() throws Exception {
        start(3000, "");
        long end = System.currentTimeMillis() - 20 * DAY;
        Map<String, Object> biz = window(end - 7 * DAY, end, 20);
        int total = call(biz).data().get("totalResults").asInt();
        simulator.dropFromNextScrollPage(3);
        List<JsonNode> read = scroll(biz);
        assertThat(read).as("a pager that stops on the short page reads 17 of the total").hasSize(17);
        assertThat(scroll(biz)).as("once only").hasSize(total);
        simulator.dropFromNextScrollPage(3);
        Set<String> onward = new HashSet<>();
        biz.remove("scrollId");
        for (int c = 0; c < 50; c++) {
            SignedPost.Answer a = call(biz);
            assertThat(a.data().get("totalResults").asInt()).isEqualTo(total);
            a.data().get("trades").forEach(o -> onward.add(o.get("tradeId").asText()));
            if (a.data().get("trades").isEmpty()) {
                break;
            }
            biz.put("scrollId", a.data().get("scrollId").asText());
        }
        assertThat(onward).as("paging on past the short page still misses the three left out").hasSize(total - 3);
    }

    @Test
    void should_arm_the_one_shot_faults_from_the_fault_spec() throws Exception {
        start(3000, "dropScrollOnce=2,noScrollIdOnce=true");
        long end = System.currentTimeMillis() - 20 * DAY;
        Map<String, Object> biz = window(end - 7 * DAY, end, 20);
        SignedPost.Answer first = call(biz);
        assertThat(first.data().get("trades")).hasSize(18);
        assertThat(first.data().get("scrollId").asText()).as("a full page without its scrollId").isEmpty();
        assertThat(first.data().get("totalResults").asInt()).isGreaterThan(20);
        SignedPost.Answer next = call(biz);
        assertThat(next.data().get("trades")).hasSize(20);
        assertThat(next.data().get("scrollId").asText()).isNotEmpty();
    }

    @Test
    void should_move_orders_while_serving_and_count_calls_per_method() throws Exception {
        start(3000, "moveEvery=2");
        long end = System.currentTimeMillis() - 20 * DAY;
        Map<String, Object> biz = window(end - 7 * DAY, end, 10);
        Set<String> firsts = new HashSet<>();
        for (int page = 0; page < 4; page++) {
            SignedPost.Answer a = call(biz);
            firsts.add(a.data().get("trades").get(0).get("tradeId").asText());
            biz.put("scrollId", a.data().get("scrollId").asText());
        }
        long moved = firsts.stream().filter(id -> trades.trade(id).gmtModified() > end).count();
        assertThat(moved).isEqualTo(2);
        call(biz("pageSize", 0));
        assertThat(simulator.calls(METHOD)).isEqualTo(5);
        assertThat(simulator.calls("erp.warehouse.get")).isZero();
        assertThat(simulator.refused()).isEqualTo(1);
    }

    @Test
    void should_serve_a_window_of_a_million_orders_from_a_snapshot_of_indexes() throws Exception {
        start(1_000_000, "");
        long end = System.currentTimeMillis() - 30 * DAY;
        Map<String, Object> biz = window(end - 7 * DAY, end, 200);
        SignedPost.Answer first = call(biz);
        int total = first.data().get("totalResults").asInt();
        assertThat(total).isBetween(34_000, 36_000);
        assertThat(first.data().get("trades")).hasSize(200);
        biz.put("scrollId", first.data().get("scrollId").asText());
        SignedPost.Answer second = call(biz);
        assertThat(second.data().get("trades")).hasSize(200);
        assertThat(trades.trade(second.data().get("trades").get(0).get("tradeId").asText())).isNotNull();
    }
}
