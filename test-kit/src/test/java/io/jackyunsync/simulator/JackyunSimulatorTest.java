package io.jackyunsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.jackyun.JackyunSigner;
import io.jackyunsync.support.GatewayClient;
import io.jackyunsync.support.Simulators;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks that the simulator speaks and enforces the protocol of docs/jackyun/protocol.md: signature, timestamp, paging, window, filters. */
class JackyunSimulatorTest {

    static final String APPKEY = "92058521";
    static final String SECRET = "sim-secret";
    static JackyunSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulators.sized(APPKEY, SECRET, 7, 300);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static GatewayClient client(String appkey, String secret, Clock clock) {
        return new GatewayClient(simulator.url(), appkey, secret, clock);
    }

    static List<JsonNode> page(String biz) {
        JsonNode list = client(APPKEY, SECRET, Clock.systemUTC()).call("erp.warehouse.get", biz).data().get("warehouseInfo");
        List<JsonNode> records = new ArrayList<>();
        list.forEach(records::add);
        return records;
    }

    @Test
    void should_refuse_a_wrong_secret_with_the_signature_subcode() {
        assertThatThrownBy(() -> client(APPKEY, "wrong", Clock.systemUTC()).call("erp.warehouse.get", "{\"pageIndex\":0,\"pageSize\":5}"))
                .asInstanceOf(type(JackyunException.class))
                .satisfies(e -> assertThat(e.getSubCode()).isEqualTo("0858030801"))
                .satisfies(e -> assertThat(e.isRetryable()).isFalse());
    }

    @Test
    void should_refuse_an_unknown_appkey() {
        assertThatThrownBy(() -> client("1", SECRET, Clock.systemUTC()).call("erp.warehouse.get", "{\"pageIndex\":0,\"pageSize\":5}"))
                .asInstanceOf(type(JackyunException.class)).extracting(JackyunException::getSubCode).isEqualTo("0858030802");
    }

    @Test
    void should_refuse_a_timestamp_an_hour_off_even_when_signed_right() {
        Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
        assertThatThrownBy(() -> client(APPKEY, SECRET, skewed).call("erp.warehouse.get", "{\"pageIndex\":0,\"pageSize\":5}"))
                .asInstanceOf(type(JackyunException.class)).extracting(JackyunException::getSubCode).isEqualTo("0858030801");
    }

    @Test
    void should_refuse_a_utc_timestamp_because_the_gateway_wants_beijing_time() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", "erp.warehouse.get");
        p.put("appkey", APPKEY);
        p.put("version", "v1.0");
        p.put("contenttype", "json");
        p.put("timestamp", BeijingTime.FORMAT.format(Instant.now().atZone(ZoneOffset.UTC)));
        p.put("bizcontent", "{\"pageIndex\":0,\"pageSize\":5}");
        p.put("sign", JackyunSigner.sign(p, SECRET));
        String form = p.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(simulator.url())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"subCode\":\"0858030801\"", "\"code\":0");
    }

    @Test
    void should_refuse_an_unsubscribed_method_and_bad_paging() {
        GatewayClient client = client(APPKEY, SECRET, Clock.systemUTC());
        assertThatThrownBy(() -> client.call("erp.unknown.get", "{\"pageIndex\":0,\"pageSize\":5}"))
                .asInstanceOf(type(JackyunException.class)).extracting(JackyunException::getSubCode).isEqualTo("0130020310");
        assertThatThrownBy(() -> client.call("erp.warehouse.get", "{\"pageSize\":5}"))
                .asInstanceOf(type(JackyunException.class)).extracting(JackyunException::getSubCode).isEqualTo("0050030002");
        assertThatThrownBy(() -> client.call("erp.warehouse.get", "{\"pageIndex\":0,\"pageSize\":201}"))
                .asInstanceOf(type(JackyunException.class)).extracting(JackyunException::getSubCode).isEqualTo("0050030002");
    }

    @Test
    void should_page_from_zero_without_a_total_until_a_short_page() {
        Set<String> ids = new HashSet<>();
        int pages = 0;
        List<JsonNode> page;
        do {
            page = page("{\"pageIndex\":" + pages++ + ",\"pageSize\":40}");
            page.forEach(r -> ids.add(r.get("warehouseId").asText()));
            assertThat(page).allSatisfy(r -> assertThat(r.has("totalResults")).isFalse());
        } while (page.size() == 40);
        long visible = Arrays.stream(simulator.data().snapshot()).filter(SimWarehouse::visibleByDefault).count();
        assertThat(ids).hasSize((int) visible);
        assertThat(pages).isEqualTo((int) (visible / 40 + 1));
    }

    @Test
    void should_include_disabled_and_deleted_only_when_asked() {
        List<JsonNode> all = page("{\"pageIndex\":0,\"pageSize\":200,\"includeDeleteAndBlockup\":1}");
        List<JsonNode> visible = page("{\"pageIndex\":0,\"pageSize\":200}");
        assertThat(all).anySatisfy(r -> assertThat(r.get("isBlockup").asInt()).isEqualTo(1));
        assertThat(all).anySatisfy(r -> assertThat(r.get("isDelete").asInt()).isEqualTo(1));
        assertThat(visible).allSatisfy(r -> assertThat(r.get("isBlockup").asInt() + r.get("isDelete").asInt()).isZero());
    }

    @Test
    void should_filter_by_code_name_and_modified_window() {
        assertThat(page("{\"pageIndex\":0,\"pageSize\":50,\"code\":\"CK000010\"}"))
                .singleElement().satisfies(r -> assertThat(r.get("warehouseCode").asText()).isEqualTo("CK000010"));
        assertThat(page("{\"pageIndex\":0,\"pageSize\":200,\"name\":\"🚚\"}"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.get("warehouseName").asText()).contains("🚚"));
        List<JsonNode> window = page(
                "{\"pageIndex\":0,\"pageSize\":200,\"gmtModifiedStart\":\"2024-01-01 00:00:00\",\"gmtModifiedEnd\":\"2024-06-30 23:59:59\"}");
        Instant from = BeijingTime.parse("2024-01-01 00:00:00");
        Instant to = BeijingTime.parse("2024-06-30 23:59:59").plusMillis(999);
        assertThat(window).isNotEmpty().allSatisfy(r -> assertThat(BeijingTime.parseGmt(r.get("gmtModified"))).isBetween(from, to));
        assertThat(page("{\"pageIndex\":0,\"pageSize\":50,\"gmtModifiedStart\":\"2025-01-02 00:00:00\"}")).isEmpty();
    }

    @Test
    void should_serve_awkward_values_and_both_time_formats() {
        List<JsonNode> all = page("{\"pageIndex\":0,\"pageSize\":200,\"includeDeleteAndBlockup\":1}");
        List<String> names = all.stream().map(r -> r.get("warehouseName").asText()).toList();
        assertThat(names).anyMatch(n -> n.contains("🚚")).anyMatch(n -> n.contains("'")).anyMatch(n -> n.contains("\\"))
                .anyMatch(n -> n.contains("DROP TABLE")).anyMatch(n -> n.codePointCount(0, n.length()) == 100);
        assertThat(all).anyMatch(r -> r.get("gmtModified").isTextual()).anyMatch(r -> r.get("gmtModified").isNumber());
        assertThat(all).allMatch(r -> r.get("warehouseId").asText().length() == 19);
    }

    @Test
    void should_generate_the_same_data_from_the_same_seed() {
        WarehouseDataSet a = new WarehouseDataSet(99, 500, Clock.systemUTC());
        WarehouseDataSet b = new WarehouseDataSet(99, 500, Clock.systemUTC());
        assertThat(Arrays.stream(a.snapshot()).map(w -> w.toJson().toString()).toList())
                .isEqualTo(Arrays.stream(b.snapshot()).map(w -> w.toJson().toString()).toList());
        assertThat(Arrays.stream(new WarehouseDataSet(1, WarehouseDataSet.sizeWithVisible(1234), Clock.systemUTC()).snapshot())
                .filter(SimWarehouse::visibleByDefault).count()).isEqualTo(1234);
    }
}
