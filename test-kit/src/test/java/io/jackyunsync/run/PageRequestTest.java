package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.scheme.Scheme;
import io.jackyunsync.scheme.SchemeLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the bizcontent of a page of a read: pageIndex 0 and the cursor in cursor modes, the partition's value. */
class PageRequestTest {

    static final List<Scheme> SCHEMES = SchemeLoader.load(Path.of("schemes"));

    static Scheme.Source source(String name) {
        return SCHEMES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().source();
    }

    static JsonNode json(String text) throws Exception {
        return JackyunEnvelope.JSON.readTree(text);
    }

    @Test
    void should_send_page_index_0_and_the_max_id_cursor_as_a_string() throws Exception {
        JsonNode biz = json(PageCodec.pageRequest(source("goods"), 7, "2026-01-01 00:00:00", "2026-01-02 00:00:00",
                "1234567890123456789", null, null));
        assertThat(biz.get("pageIndex").isNumber()).isTrue();
        assertThat(biz.get("pageIndex").asInt()).isZero();
        assertThat(biz.get("pageSize").asInt()).isEqualTo(200);
        assertThat(biz.get("maxSkuId").isTextual()).isTrue();
        assertThat(biz.get("maxSkuId").asText()).isEqualTo("1234567890123456789");
        assertThat(biz.get("startDateModifiedSku").asText()).isEqualTo("2026-01-01 00:00:00");
        assertThat(biz.get("endDateModifiedSku").asText()).isEqualTo("2026-01-02 00:00:00");
    }

    @Test
    void should_send_the_stock_cursor_in_its_own_field() throws Exception {
        JsonNode biz = json(PageCodec.pageRequest(source("stock"), 3, "2026-01-01 00:00:00", "2026-01-02 00:00:00", "0", null, null));
        assertThat(biz.get("pageIndex").asInt()).isZero();
        assertThat(biz.get("maxQuantityId").asText()).isEqualTo("0");
        assertThat(biz.has("maxSkuId")).isFalse();
    }

    @Test
    void should_send_an_empty_response_cursor_on_the_first_call_and_the_partition_as_a_number() throws Exception {
        JsonNode biz = json(PageCodec.pageRequest(source("trade"), 0, "2026-01-01 00:00:00", "2026-01-08 00:00:00", null,
                "isTableSwitch", 2));
        assertThat(biz.get("scrollId").isTextual()).isTrue();
        assertThat(biz.get("scrollId").asText()).isEmpty();
        assertThat(biz.get("isTableSwitch").isInt()).isTrue();
        assertThat(biz.get("isTableSwitch").asInt()).isEqualTo(2);
        assertThat(biz.get("hasTotal").asInt()).isEqualTo(1);
        assertThat(biz.get("startModified").asText()).isEqualTo("2026-01-01 00:00:00");
        assertThat(biz.get("endModified").asText()).isEqualTo("2026-01-08 00:00:00");
        assertThat(biz.has("pageIndex")).isFalse(); // the trade scheme sends none

        JsonNode next = json(PageCodec.pageRequest(source("trade"), 0, "2026-01-01 00:00:00", "2026-01-08 00:00:00", "c2Nyb2xs",
                "isTableSwitch", 1));
        assertThat(next.get("scrollId").asText()).isEqualTo("c2Nyb2xs");
        assertThat(next.get("isTableSwitch").asInt()).isEqualTo(1);
    }

    @Test
    void should_leave_an_offset_page_unchanged_without_a_partition() throws Exception {
        Scheme.Source warehouse = source("warehouse");
        String plain = PageCodec.pageRequest(warehouse, 4, "2026-01-01 00:00:00", "2026-01-02 00:00:00");
        String full = PageCodec.pageRequest(warehouse, 4, "2026-01-01 00:00:00", "2026-01-02 00:00:00", null, null, null);
        assertThat(full).isEqualTo(plain);
        assertThat(json(full).get("pageIndex").asInt()).isEqualTo(4);
        assertThat(json(full).get("pageSize").asInt()).isEqualTo(50);
        assertThat(json(full).has("scrollId")).isFalse();
    }

    @Test
    void should_add_a_partition_to_an_offset_page() throws Exception {
        JsonNode biz = json(PageCodec.pageRequest(source("warehouse"), 4, "2026-01-01 00:00:00", "2026-01-02 00:00:00", null,
                "isTableSwitch", "2"));
        assertThat(biz.get("pageIndex").asInt()).isEqualTo(4);
        assertThat(biz.get("isTableSwitch").isTextual()).isTrue();
        assertThat(biz.get("isTableSwitch").asText()).isEqualTo("2");
    }
}
