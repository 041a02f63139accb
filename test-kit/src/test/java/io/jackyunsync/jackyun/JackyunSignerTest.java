package io.jackyunsync.jackyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks that the signature matches the test vector of docs/jackyun/protocol.md, lower-casing included. */
class JackyunSignerTest {

    static Map<String, String> vectorParams() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("appkey", "92058521");
        p.put("bizcontent", "{\"pageIndex\":0,\"pageSize\":1000,\"warehouseCode\":\"CK031\",\"cols\":\"orderAbleQuantity\"}");
        p.put("contenttype", "json");
        p.put("method", "erp-stock.stock.skulist");
        p.put("timestamp", "2026-09-28 12:34:56");
        p.put("version", "v1.0");
        return p;
    }

    @Test
    void should_match_the_api_test_vector() {
        assertThat(JackyunSigner.sign(vectorParams(), "UnitTestSecret_ABC123")).isEqualTo("4160951e0cb1e22df4e79171956e3475");
    }

    @Test
    void should_ignore_sign_contextid_and_token() {
        Map<String, String> p = vectorParams();
        p.put("sign", "whatever");
        p.put("contextid", "abc");
        p.put("token", "t-123");
        assertThat(JackyunSigner.sign(p, "UnitTestSecret_ABC123")).isEqualTo("4160951e0cb1e22df4e79171956e3475");
    }

    @Test
    void should_change_with_the_secret_and_the_bizcontent() {
        Map<String, String> p = vectorParams();
        assertThat(JackyunSigner.sign(p, "OtherSecret")).isNotEqualTo("4160951e0cb1e22df4e79171956e3475");
        p.put("bizcontent", "{\"pageIndex\":1}");
        assertThat(JackyunSigner.sign(p, "UnitTestSecret_ABC123")).isNotEqualTo("4160951e0cb1e22df4e79171956e3475");
    }
}
