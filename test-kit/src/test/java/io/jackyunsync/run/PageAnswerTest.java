package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.Scheme;
import io.jackyunsync.scheme.SchemeLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks what an answer says beyond its records: the next cursor and the read's total. */
class PageAnswerTest {

    static Scheme.Source source(Scheme.Pagination pagination, String id, String total) {
        return new Scheme.Source("oms.trade.fullinfoget", "POST", "tradeNo", id, true, pagination, "trades",
                "2015-01-01 00:00:00", List.of(), null, null, null, total, null, null);
    }

    static JackyunEnvelope envelope(String data) {
        return JackyunEnvelope.parse("oms.trade.fullinfoget",
                "{\"code\":200,\"msg\":\"\",\"subCode\":\"\",\"result\":{\"contextId\":\"c1\",\"data\":" + data + "}}");
    }

    static List<JsonNode> records(int n, String field) {
        List<JsonNode> records = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            records.add(JackyunEnvelope.JSON.createObjectNode().put(field, Integer.toString(i * 10)));
        }
        return records;
    }

    private static final Scheme.Pagination SCROLL = new Scheme.Pagination(2, "responseCursor", "scrollId", "scrollId", null);

    @Test
    void should_read_the_next_response_cursor_from_result_data() {
        assertThat(PageAnswer.next(source(SCROLL, "tradeId", null), envelope("{\"scrollId\":\"abc==\",\"trades\":[]}"),
                records(2, "tradeId"))).isEqualTo("abc==");
    }

    @Test
    void should_read_the_next_response_cursor_at_a_nested_path() {
        Scheme.Pagination nested = new Scheme.Pagination(2, "responseCursor", "scrollId", "page.next.scrollId", null);
        assertThat(PageAnswer.next(source(nested, "tradeId", null),
                envelope("{\"page\":{\"next\":{\"scrollId\":\"deep-1\"}},\"scrollId\":\"top\",\"trades\":[]}"),
                records(2, "tradeId"))).isEqualTo("deep-1");
    }

    @Test
    void should_refuse_a_full_page_without_its_response_cursor_as_a_retryable_bad_answer() {
        assertThatThrownBy(() -> PageAnswer.next(source(SCROLL, "tradeId", null), envelope("{\"trades\":[]}"), records(2, "tradeId")))
                .isInstanceOfSatisfying(JackyunException.class, e -> {
                    assertThat(e.getSubCode()).isEqualTo("NO_CURSOR");
                    assertThat(e.isRetryable()).isTrue();
                })
                .hasMessageContaining("result.data.scrollId");
        assertThatThrownBy(() -> PageAnswer.next(source(SCROLL, "tradeId", null), envelope("{\"scrollId\":\"\",\"trades\":[]}"),
                records(2, "tradeId"))).isInstanceOf(JackyunException.class);
        assertThatThrownBy(() -> PageAnswer.next(source(SCROLL, "tradeId", null), envelope("{\"scrollId\":null,\"trades\":[]}"),
                records(2, "tradeId"))).isInstanceOf(JackyunException.class);
    }

    @Test
    void should_accept_a_short_page_without_a_response_cursor() {
        assertThat(PageAnswer.next(source(SCROLL, "tradeId", null), envelope("{\"trades\":[]}"), records(1, "tradeId"))).isNull();
        assertThat(PageAnswer.next(source(SCROLL, "tradeId", null), envelope("null"), List.of())).isNull();
    }

    @Test
    void should_take_the_max_id_cursor_from_the_largest_source_id_by_default() {
        Scheme.Pagination maxId = new Scheme.Pagination(3, "maxId", "maxSkuId", null, "0");
        List<JsonNode> page = List.of(JackyunEnvelope.JSON.createObjectNode().put("skuId", "9007199254740993"),
                JackyunEnvelope.JSON.createObjectNode().put("skuId", "9007199254740995"),
                JackyunEnvelope.JSON.createObjectNode().put("skuId", "9007199254740994"));
        assertThat(PageAnswer.next(source(maxId, "skuId", null), envelope("{\"goods\":[]}"), page)).isEqualTo("9007199254740995");
    }

    @Test
    void should_take_the_max_id_cursor_from_the_field_named_by_from() {
        Scheme.Pagination maxId = new Scheme.Pagination(2, "maxId", "maxQuantityId", "quantityId", "0");
        List<JsonNode> page = List.of(
                JackyunEnvelope.JSON.createObjectNode().put("skuId", "999").put("quantityId", "12"),
                JackyunEnvelope.JSON.createObjectNode().put("skuId", "1").put("quantityId", "30"));
        assertThat(PageAnswer.next(source(maxId, "skuId", null), envelope("{}"), page)).isEqualTo("30");
    }

    @Test
    void should_refuse_a_full_max_id_page_without_any_id() {
        Scheme.Pagination maxId = new Scheme.Pagination(2, "maxId", "maxSkuId", null, "0");
        assertThatThrownBy(() -> PageAnswer.next(source(maxId, "skuId", null), envelope("{}"), records(2, "other")))
                .isInstanceOfSatisfying(JackyunException.class, e -> assertThat(e.isRetryable()).isTrue())
                .hasMessageContaining("skuId");
    }

    @Test
    void should_have_no_cursor_in_offset_mode() {
        Scheme.Pagination offset = new Scheme.Pagination(2, null, null, null, null);
        assertThat(PageAnswer.next(source(offset, "tradeId", null), envelope("{\"scrollId\":\"x\"}"), records(2, "tradeId"))).isNull();
    }

    @Test
    void should_read_the_total_from_a_number_or_a_numeric_string() {
        Scheme.Source src = source(SCROLL, "tradeId", "totalResults");
        assertThat(PageAnswer.total(src, envelope("{\"totalResults\":1234,\"trades\":[]}"))).isEqualTo(1234L);
        assertThat(PageAnswer.total(src, envelope("{\"totalResults\":\"567\",\"trades\":[]}"))).isEqualTo(567L);
        assertThat(PageAnswer.total(src, envelope("{\"totalResults\":\" 89 \",\"trades\":[]}"))).isEqualTo(89L);
        assertThat(PageAnswer.total(src, envelope("{\"totalResults\":0,\"trades\":[]}"))).isZero();
        assertThat(PageAnswer.total(source(SCROLL, "tradeId", "page.total"), envelope("{\"page\":{\"total\":\"42\"}}")))
                .isEqualTo(42L);
    }

    @Test
    void should_refuse_an_answer_without_the_total_the_scheme_reads() {
        Scheme.Source src = source(SCROLL, "tradeId", "totalResults");
        for (String data : List.of("{\"trades\":[]}", "{\"totalResults\":null}", "{\"totalResults\":\"many\"}")) {
            assertThatThrownBy(() -> PageAnswer.total(src, envelope(data)))
                    .isInstanceOfSatisfying(JackyunException.class, e -> {
                        assertThat(e.getSubCode()).isEqualTo("NO_TOTAL");
                        assertThat(e.isRetryable()).isTrue();
                    })
                    .hasMessageContaining("result.data.totalResults");
        }
    }

    /** An answer without result.data proves nothing for a scheme whose reads are proven by their total (hostile review). */
    @Test
    void should_refuse_an_empty_answer_of_a_scheme_with_a_total_and_have_none_for_a_scheme_without_one() {
        assertThatThrownBy(() -> PageAnswer.total(source(SCROLL, "tradeId", "totalResults"), envelope("null")))
                .isInstanceOf(JackyunException.class).hasMessageContaining("no count at result.data.totalResults");
        assertThatThrownBy(() -> PageAnswer.total(source(SCROLL, "tradeId", "totalResults"), envelope("\"\"")))
                .isInstanceOf(JackyunException.class);
        assertThat(PageAnswer.total(source(SCROLL, "tradeId", null), envelope("{\"totalResults\":5}"))).isNull();
        assertThat(PageAnswer.total(source(SCROLL, "tradeId", null), envelope("null"))).isNull();
    }

    static CompiledScheme compiled(String name) {
        return CompiledScheme.of(SchemeLoader.load(Path.of("schemes"))
                .stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow());
    }

    static JackyunEnvelope projected(CompiledScheme scheme, String data) {
        String body = "{\"code\":200,\"msg\":\"\",\"subCode\":\"\",\"result\":{\"contextId\":\"c1\",\"data\":" + data + "}}";
        return JackyunEnvelope.parse(scheme.scheme().source().api(), body.getBytes(StandardCharsets.UTF_8),
                scheme.projection());
    }

    @Test
    void should_find_the_scroll_cursor_and_the_total_in_an_answer_read_with_the_trade_projection() {
        CompiledScheme trade = compiled("trade");
        Scheme.Source src = new Scheme.Source(trade.scheme().source().api(), "POST", "tradeNo", "tradeId", true,
                new Scheme.Pagination(1, "responseCursor", "scrollId", "scrollId", null), "trades", null, List.of(), null, null, null,
                "totalResults", null, null);
        JackyunEnvelope envelope = projected(trade, "{\"scrollId\":\"next==\",\"totalResults\":\"3\",\"trades\":["
                + "{\"tradeId\":\"1234567890123456789\",\"unmapped\":\"x\",\"goodsDetail\":[{\"subTradeId\":\"9\"}]}]}");
        List<JsonNode> records = PageCodec.records(src, envelope);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).has("unmapped")).isFalse();
        assertThat(records.get(0).get("goodsDetail").get(0).get("subTradeId").asText()).isEqualTo("9");
        assertThat(PageAnswer.next(src, envelope, records)).isEqualTo("next==");
        assertThat(PageAnswer.total(src, envelope)).isEqualTo(3L);
    }

    /** pagination.from may name a field other than source.id (the scheme's doc: "from defaulting to source.id"). */
    @Test
    void should_keep_a_max_id_from_field_that_no_column_maps_in_the_projection() {
        Scheme goods = compiled("goods").scheme();
        Scheme.Source s = goods.source();
        Scheme.Source bySeq = new Scheme.Source(s.api(), s.method(), s.number(), s.id(), s.idCheck(),
                new Scheme.Pagination(1, "maxId", "maxSkuId", "seqId", "0"), s.list(), s.initialStart(), s.request(), s.probe(),
                s.window(), s.partitions(), s.total(), s.modified(), null);
        CompiledScheme compiled = CompiledScheme.of(
                new Scheme(goods.name(), goods.enabled(), goods.schedule(), bySeq, goods.target(), goods.reconcile()));
        JackyunEnvelope envelope = projected(compiled, "{\"goods\":[{\"skuId\":\"5\",\"seqId\":\"77\"}]}");
        List<JsonNode> records = PageCodec.records(bySeq, envelope);
        assertThat(PageAnswer.next(bySeq, envelope, records)).isEqualTo("77");
    }

    /** A total is a count: a negative or fractional number is no more a count than the text "-1", which is refused. */
    @Test
    void should_refuse_a_total_that_is_not_a_count() {
        Scheme.Source src = source(SCROLL, "tradeId", "totalResults");
        assertThatThrownBy(() -> PageAnswer.total(src, envelope("{\"totalResults\":\"-1\"}"))).isInstanceOf(JackyunException.class);
        assertThatThrownBy(() -> PageAnswer.total(src, envelope("{\"totalResults\":-1}"))).isInstanceOf(JackyunException.class);
        assertThatThrownBy(() -> PageAnswer.total(src, envelope("{\"totalResults\":12.5}"))).isInstanceOf(JackyunException.class);
    }
}
