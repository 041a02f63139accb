package io.jackyunsync.simulator;

import static io.jackyunsync.simulator.SignedPost.biz;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code erp.storage.goodslist} as docs/jackyun/methods.md has it: every limit refused, both paging modes complete, exact ids. */
class GoodsMethodTest {

    static final String METHOD = "erp.storage.goodslist";
    static JackyunSimulator simulator;
    static GoodsDataSet goods;

    @BeforeAll
    static void start() throws Exception {
        goods = new GoodsDataSet(5, 1500, Clock.systemUTC());
        simulator = new JackyunSimulator(SignedPost.APPKEY, SignedPost.SECRET, new WarehouseDataSet(1, 3, Clock.systemUTC()),
                Clock.systemUTC()).withGoods(goods).start(0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static SignedPost.Answer call(Map<String, ?> biz) {
        return SignedPost.call(simulator.url(), METHOD, biz);
    }

    static void assertRefused(SignedPost.Answer a, String why) {
        assertThat(a.ok()).as(a.raw()).isFalse();
        assertThat(a.root().path("code").asInt()).isZero();
        assertThat(a.subCode()).isEqualTo("0050030002");
        assertThat(a.root().path("msg").asText()).contains(why);
    }

    @Test
    void should_answer_with_the_goods_subcode_and_19_digit_ids_as_exact_strings() {
        SignedPost.Answer a = call(biz("pageIndex", 0, "pageSize", 5));
        assertThat(a.ok()).isTrue();
        assertThat(a.subCode()).isEqualTo("0030000004");
        JsonNode first = a.data().get("goods").get(0);
        assertThat(first.get("skuId").isTextual()).isTrue();
        assertThat(first.get("skuId").asText()).hasSize(19);
        assertThat(first.get("gmtModified").isNumber()).isTrue();
        assertThat(first.get("imgUrlList").isArray()).isTrue();
        assertThat(first.get("goodsUnit").get(0).isObject()).isTrue();
        long id = Long.parseLong(first.get("skuId").asText());
        assertThat((long) (double) id).as("beyond a double's exact range").isNotEqualTo(id);
        assertThat(a.raw()).contains("\"skuId\":\"" + id + "\"");
    }

    @Test
    void should_refuse_every_limit() {
        assertRefused(call(biz("pageIndex", 50, "pageSize", 200)), "too deep");
        assertRefused(call(biz("pageIndex", 10000, "pageSize", 1)), "too deep");
        assertThat(call(biz("pageIndex", 49, "pageSize", 200)).ok()).isTrue();
        assertRefused(call(biz("pageIndex", 1, "pageSize", 10, "maxSkuId", "1")), "pageIndex must be 0");
        assertRefused(call(biz("pageIndex", 0, "pageSize", 0)), "pageSize");
        assertRefused(call(biz("pageIndex", 0, "pageSize", 201)), "pageSize");
        assertRefused(call(biz("pageIndex", -1, "pageSize", 10)), "pageIndex");
        assertRefused(call(biz("pageSize", 10)), "pageIndex is required");
        assertRefused(call(biz("pageIndex", 0, "pageSize", 10, "startDateModifiedSku", "2025-01-02 00:00:00",
                "endDateModifiedSku", "2025-01-01 00:00:00")), "after");
        assertThat(call(biz("pageIndex", 0, "pageSize", 200)).ok()).isTrue();
    }

    @Test
    void should_page_by_offset_in_modified_order_and_leave_deleted_skus_out_unless_asked() {
        List<JsonNode> all = offsetPages(biz("pageSize", 200));
        List<SimSku> visible = goods.skus().stream().filter(s -> s.isDelete() == 0)
                .sorted(Comparator.comparingLong(SimSku::gmtModified).thenComparingLong(SimSku::skuId)).toList();
        assertThat(all).extracting(n -> n.get("skuId").asText()).containsExactlyElementsOf(
                visible.stream().map(s -> Long.toString(s.skuId())).toList());
        assertThat(visible.size()).isLessThan(goods.size());
        assertThat(offsetPages(biz("pageSize", 200, "isQueryDelete", 1))).hasSize(goods.size());
        SimSku expected = goods.sku(all.get(7).get("skuId").asText());
        assertThat(all.get(7).get("goodsName").asText()).isEqualTo(expected.goodsName());
        assertThat(all.get(7).get("skuName").asText()).isEqualTo(expected.skuName());
        assertThat(all.get(7).get("gmtModified").asLong()).isEqualTo(expected.gmtModified());
    }

    @Test
    void should_page_by_the_sku_cursor_in_ascending_sku_order_within_a_window() {
        List<SimSku> sorted = goods.skus().stream().sorted(Comparator.comparingLong(SimSku::skuId)).toList();
        long from = sorted.get(300).gmtModified();
        long to = sorted.get(1200).gmtModified();
        String start = BeijingTime.format(Instant.ofEpochMilli(from));
        String end = BeijingTime.format(Instant.ofEpochMilli(to));
        List<String> read = new ArrayList<>();
        String cursor = "";
        for (int calls = 0; calls < 100; calls++) {
            JsonNode list = call(biz("pageIndex", 0, "pageSize", 100, "maxSkuId", cursor, "isQueryDelete", 1,
                    "startDateModifiedSku", start, "endDateModifiedSku", end)).data().get("goods");
            list.forEach(n -> read.add(n.get("skuId").asText()));
            if (list.size() < 100) {
                break;
            }
            cursor = list.get(list.size() - 1).get("skuId").asText();
        }
        List<String> expected = sorted.stream().filter(s -> s.gmtModified() / 1000 * 1000 >= from / 1000 * 1000
                && s.gmtModified() / 1000 * 1000 <= to / 1000 * 1000).map(s -> Long.toString(s.skuId())).toList();
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void should_serve_a_touched_sku_as_modified_now() {
        SimSku before = goods.skus().get(3);
        long now = System.currentTimeMillis();
        SimSku after = goods.touch(Long.toString(before.skuId()));
        assertThat(after.gmtModified()).isGreaterThanOrEqualTo(now / 1000 * 1000);
        JsonNode list = call(biz("pageIndex", 0, "pageSize", 10,
                "startDateModifiedSku", BeijingTime.format(Instant.ofEpochMilli(now - 1000)))).data().get("goods");
        assertThat(list).extracting(n -> n.get("skuId").asText()).contains(Long.toString(before.skuId()));
        assertThat(simulator.calls(METHOD)).isPositive();
    }

    private static List<JsonNode> offsetPages(Map<String, Object> biz) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; page < 100; page++) {
            biz.put("pageIndex", page);
            JsonNode list = call(biz).data().get("goods");
            list.forEach(all::add);
            if (list.size() < (int) biz.get("pageSize")) {
                break;
            }
        }
        return all;
    }

    static URI url() {
        return simulator.url();
    }
}
