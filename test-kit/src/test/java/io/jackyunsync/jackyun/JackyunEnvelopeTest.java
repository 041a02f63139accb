package io.jackyunsync.jackyun;

import static io.jackyunsync.jackyun.JackyunEnvelope.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jackyunsync.support.HostileGateway;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks that the envelope parser accepts every documented shape and types every error. */
class JackyunEnvelopeTest {

    @Test
    void should_accept_code_200_as_number_or_string_and_data_as_object_or_string() {
        JackyunEnvelope a = JackyunEnvelope.parse("m",
                "{\"code\":200,\"msg\":\"ok\",\"subCode\":\"\",\"result\":{\"data\":{\"warehouseInfo\":[]},\"contextId\":\"c1\"}}");
        JackyunEnvelope b = JackyunEnvelope.parse("m",
                "{\"code\":\"200\",\"subCode\":\"note\",\"contextId\":\"c2\",\"result\":{\"data\":\"{\\\"warehouseInfo\\\":[{\\\"warehouseId\\\":\\\"1\\\"}]}\"}}");
        assertThat(a.data().get("warehouseInfo").isArray()).isTrue();
        assertThat(a.contextId()).isEqualTo("c1");
        assertThat(b.data().get("warehouseInfo").get(0).get("warehouseId").asText()).isEqualTo("1");
        assertThat(b.contextId()).isEqualTo("c2");
        assertThat(b.subCode()).isEqualTo("note");
    }

    @Test
    void should_read_a_projected_list_with_only_the_named_fields_and_keep_each_record_as_sent() throws Exception {
        String first = "{\"id\":\"1\",\"i\":-7,\"l\":9223372036854775807,\"t\":true,\"f\":false,\"z\":null,\"skip\":{\"deep\":[1,{\"x\":\"}]\"}]},\"name\":\"仓\\\"库\\u0041\",\"n\":{\"a\":1.50},\"big\":12345678901234567890}";
        String second = "{\"name\":\"\",\"id\":2, \"extra\" : [ ] }";
        String body = "{\"result\":{\"contextId\":\"c9\",\"data\":{\"total\":2,\"page\":{\"rows\":[" + first + " , " + second
                + ",7]}}},\"code\":200}";
        var projection = new JackyunEnvelope.Projection("page.rows", Set.of("id", "name", "n", "big", "i", "l", "t", "f", "z"));

        JackyunEnvelope e = JackyunEnvelope.parse("m", body.getBytes(StandardCharsets.UTF_8), projection);

        assertThat(e.contextId()).isEqualTo("c9");
        assertThat(e.data().get("total").asInt()).isEqualTo(2);
        var rows = e.data().at("/page/rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isInstanceOf(SourceRecord.class);
        var whole = (ObjectNode) JackyunEnvelope.JSON.readTree(first);
        whole.remove(List.of("skip"));
        assertThat(rows.get(0)).as("each kept value as the full parse reads it").isEqualTo(whole);
        assertThat(rows.get(0).get("l").isLong()).isTrue();
        assertThat(rows.get(0).get("i").isInt()).isTrue();
        assertThat(rows.get(0).get("big").isBigInteger()).isTrue();
        assertThat(rows.get(0).toString()).isEqualTo(
                "{\"id\":\"1\",\"i\":-7,\"l\":9223372036854775807,\"t\":true,\"f\":false,\"z\":null,\"name\":\"仓\\\"库A\",\"n\":{\"a\":1.50},\"big\":12345678901234567890}");
        assertThat(SourceRecord.raw(rows.get(0))).isEqualTo(first);
        assertThat(rows.get(1).get("id").asLong()).isEqualTo(2);
        assertThat(rows.get(1).has("extra")).isFalse();
        assertThat(SourceRecord.raw(rows.get(1))).isEqualTo(second);
        assertThat(rows.get(2).asInt()).as("an element that is not a record is kept as it is").isEqualTo(7);
        assertThat(JackyunEnvelope.parse("m", body.getBytes(StandardCharsets.UTF_8)).data().at("/page/rows/0/skip/deep/1/x").asText())
                .as("without a projection everything is read").isEqualTo("}]");
    }

    @Test
    void should_read_a_projected_list_inside_data_sent_as_a_string_whole() {
        String body = "{\"code\":200,\"result\":{\"data\":\"{\\\"rows\\\":[{\\\"id\\\":1,\\\"x\\\":2}]}\"}}";
        JackyunEnvelope e = JackyunEnvelope.parse("m", body.getBytes(StandardCharsets.UTF_8),
                new JackyunEnvelope.Projection("rows", Set.of("id")));
        assertThat(e.data().at("/rows/0/id").asInt()).isEqualTo(1);
        assertThat(SourceRecord.raw(e.data().at("/rows/0"))).isEqualTo("{\"id\":1,\"x\":2}");
    }

    @Test
    void should_accept_null_result_or_null_data_as_no_data() {
        assertThat(JackyunEnvelope.parse("m", "{\"code\":200,\"result\":null}").data()).isNull();
        assertThat(JackyunEnvelope.parse("m", "{\"code\":200,\"result\":{\"data\":null}}").data()).isNull();
    }

    @Test
    void should_keep_19_digit_numeric_ids_exact() {
        JackyunEnvelope e = JackyunEnvelope.parse("m",
                "{\"code\":200,\"result\":{\"data\":{\"warehouseInfo\":[{\"warehouseId\":9223372036854775807,\"x\":1.10}]}}}");
        var record = e.data().get("warehouseInfo").get(0);
        assertThat(record.get("warehouseId").asText()).isEqualTo("9223372036854775807");
        assertThat(record.get("x").decimalValue().toPlainString()).isEqualTo("1.10");
    }

    @Test
    void should_raise_a_typed_non_retryable_error_for_a_signature_failure() {
        assertThatThrownBy(() -> JackyunEnvelope.parse("erp.warehouse.get",
                "{\"code\":0,\"msg\":\"[0858030801]签名验证失败\",\"subCode\":\"0858030801\",\"result\":null}"))
                .asInstanceOf(type(JackyunException.class))
                .satisfies(e -> {
                    assertThat(e.getSubCode()).isEqualTo("0858030801");
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("erp.warehouse.get", "0858030801", "signature");
                });
    }

    @Test
    void should_keep_the_gateway_msg_on_one_line_cut_to_its_stated_length() throws Exception {
        String body = JSON.createObjectNode().put("code", 500).put("subCode", "0050030002").put("msg", HostileGateway.MSG).toString();
        String forgedCodes = JSON.createObjectNode().put("code", "0\n" + HostileGateway.FORGED_LINE)
                .put("msg", "[0050030002\u2028" + HostileGateway.FORGED_LINE + "]").toString();

        assertThatThrownBy(() -> JackyunEnvelope.parse("erp.warehouse.get", body))
                .asInstanceOf(type(JackyunException.class))
                .satisfies(e -> {
                    assertThat(e.getMessage()).as("no line break of any kind").doesNotContainPattern("[\\p{Cc}\u2028\u2029]")
                            .startsWith(
                                    "erp.warehouse.get refused: code 500, subCode 0050030002 (business parameter error): token=tk-leak-4711\\n"
                                            + HostileGateway.FORGED_LINE + "\\r\\n\\u2028\\u2029\\u0085xxx");
                    String msg = e.getMessage().substring(e.getMessage().indexOf("): ") + 3);
                    assertThat(msg).hasSize(OneLine.GATEWAY_MSG_MAX).endsWith("x…");
                });
        assertThatThrownBy(() -> JackyunEnvelope.parse("m", forgedCodes))
                .asInstanceOf(type(JackyunException.class))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("[\\p{Cc}\u2028\u2029]")
                        .contains("code 0\\n" + HostileGateway.FORGED_LINE))
                .satisfies(e -> assertThat(e.getSubCode()).doesNotContainPattern("[\\p{Cc}\u2028\u2029]"));
    }

    @Test
    void should_read_the_subcode_from_a_bracketed_message_when_subcode_is_missing() {
        assertThatThrownBy(() -> JackyunEnvelope.parse("m", "{\"code\":\"0\",\"msg\":\"[0858030802]appkey不存在\"}"))
                .asInstanceOf(type(JackyunException.class))
                .extracting(JackyunException::getSubCode).isEqualTo("0858030802");
    }

    @Test
    void should_mark_the_throttle_subcode_and_a_broken_body_retryable() {
        assertThatThrownBy(() -> JackyunEnvelope.parse("m", "{\"code\":0,\"subCode\":\"0859999999\",\"msg\":\"busy\"}"))
                .asInstanceOf(type(JackyunException.class)).extracting(JackyunException::isRetryable).isEqualTo(true);
        assertThatThrownBy(() -> JackyunEnvelope.parse("m", "{\"code\":200,\"result\":{\"da"))
                .asInstanceOf(type(JackyunException.class))
                .satisfies(e -> assertThat(e.isRetryable()).isTrue())
                .satisfies(e -> assertThat(e.getSubCode()).isEqualTo("BAD_BODY"));
    }

    @Test
    void should_read_gmt_modified_as_epoch_millis_or_beijing_text() {
        Instant expected = Instant.parse("2024-12-31T16:00:00Z");
        assertThat(BeijingTime.parseGmt("1735660800000")).isEqualTo(expected);
        assertThat(BeijingTime.parseGmt("2025-01-01 00:00:00")).isEqualTo(expected);
        assertThat(BeijingTime.format(expected)).isEqualTo("2025-01-01 00:00:00");
        assertThatThrownBy(() -> BeijingTime.parseGmt("yesterday")).hasMessageContaining("yesterday");
    }
}
