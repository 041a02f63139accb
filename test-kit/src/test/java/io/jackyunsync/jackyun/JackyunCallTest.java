package io.jackyunsync.jackyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.Simulators;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the call's two beans around camel-http as the card in routes/fetch.camel.yaml puts them (sign, pace, POST,
 * answer): only the form and its Content-Type go out, no header stays behind, refusals for the rate slow the pacer,
 * an oversized body of unknown length is refused, and no deadline outlives its call.
 */
class JackyunCallTest {

    static final String TOKEN = "isv-token-0815";

    final Pacer pacer = new Pacer(1_000_000);
    CamelContext camel;
    ProducerTemplate template;
    HttpServer server;

    void start(URI gateway, long maxBodyBytes) throws Exception {
        camel = new DefaultCamelContext();
        camel.getComponent("http", HttpComponent.class).setHttpClientConfigurer(new CallLimits(Duration.ofMinutes(3), maxBodyBytes));
        camel.getComponent("http", HttpComponent.class).setResponsePayloadStreamingThreshold((int) maxBodyBytes);
        JackyunCall call = new JackyunCall(Simulators.APPKEY, Simulators.SECRET, TOKEN, Duration.ofSeconds(10), Clock.systemUTC(), pacer);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call")
                        .bean(call, "sign")
                        .bean(pacer, "acquire")
                        .doTry()
                        .to(gateway + "?throwExceptionOnFailure=false")
                        .doCatch(IOException.class)
                        .bean(call, "failed")
                        .end()
                        .bean(call, "answer");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    record Seen(Map<String, List<String>> headers, String query, Map<String, String> form) {
    }

    URI serve(List<Seen> seen, int status, Map<String, String> headers, byte[] body, boolean chunked) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/open/openapi/do", exchange -> {
            Map<String, String> form = new HashMap<>();
            for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            seen.add(new Seen(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestURI().getRawQuery(), form));
            headers.forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : chunked ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                // the client hung up: what a refused body means
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/open/openapi/do");
    }

    @Test
    void should_send_only_the_signed_form_and_keep_no_header_after_the_call() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        start(serve(seen, 200, Map.of("X-Gateway-Trace", "t-1"), "{\"code\":200,\"result\":{\"data\":{\"warehouseInfo\":[]}}}"
                .getBytes(StandardCharsets.UTF_8), false), 1 << 20);

        Exchange answer = template.send("direct:call", exchange -> {
            exchange.getMessage().setHeader("X-Leak", "from-the-run");
            exchange.getMessage().setHeader("CamelHttpQuery", "secret=" + Simulators.SECRET);
            exchange.getMessage().setBody(new JackyunRequest("erp.warehouse.get", "{\"pageIndex\":0}", null));
        });

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getBody()).isInstanceOf(JackyunEnvelope.class);
        assertThat(answer.getMessage().getHeaders()).as("no request or response header stays on the exchange").isEmpty();
        assertThat(seen).hasSize(1);
        Seen call = seen.get(0);
        assertThat(call.query()).isNull();
        assertThat(call.headers().keySet()).map(String::toLowerCase).doesNotContain("x-leak").noneMatch(h -> h.startsWith("camel"));
        assertThat(call.headers().get("Content-type")).containsExactly("application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(call.headers().toString()).doesNotContain(Simulators.SECRET, TOKEN);
        assertThat(call.form()).containsKeys("method", "appkey", "version", "contenttype", "timestamp", "bizcontent", "sign")
                .containsEntry("token", TOKEN).containsEntry("bizcontent", "{\"pageIndex\":0}");
        assertThat(call.form().get("sign")).isEqualTo(JackyunSigner.sign(Map.of("method", "erp.warehouse.get",
                "appkey", Simulators.APPKEY, "version", "v1.0", "contenttype", "json", "timestamp", call.form().get("timestamp"),
                "bizcontent", "{\"pageIndex\":0}"), Simulators.SECRET));
        assertThat(camel.getEndpoints()).allSatisfy(e -> assertThat(e.getEndpointUri()).doesNotContain(Simulators.SECRET, TOKEN));
    }

    @Test
    void should_slow_the_pacer_on_http_429_and_keep_its_retry_after() throws Exception {
        start(serve(new CopyOnWriteArrayList<>(), 429, Map.of("Retry-After", "7"), new byte[0], false), 1 << 20);

        assertThatThrownBy(() -> template.requestBody("direct:call", new JackyunRequest("erp.warehouse.get", "{}", null)))
                .isInstanceOf(CamelExecutionException.class).cause().isInstanceOfSatisfying(JackyunException.class, e -> {
                    assertThat(e.getSubCode()).isEqualTo("HTTP_429");
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
        assertThat(pacer.throttledCount()).isEqualTo(1);
    }

    @Test
    void should_refuse_a_body_of_unknown_length_once_it_passes_the_cap_and_not_retry_it() throws Exception {
        byte[] large = ("{\"code\":200,\"result\":{\"data\":{\"warehouseInfo\":[\"" + "x".repeat(300_000) + "\"]}}}")
                .getBytes(StandardCharsets.UTF_8);
        start(serve(new CopyOnWriteArrayList<>(), 200, Map.of(), large, true), 100_000);

        assertThatThrownBy(() -> template.requestBody("direct:call", new JackyunRequest("erp.warehouse.get", "{}", null)))
                .cause().isInstanceOfSatisfying(JackyunException.class, e -> {
                    assertThat(e.getSubCode()).isEqualTo("BODY_TOO_LARGE");
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("larger than jackyun.max-body-bytes (100000 bytes; more than that sent)");
                });
    }

    @Test
    void should_drop_the_deadline_of_every_call_that_ended_in_time() throws Exception {
        try (JackyunSimulator simulator = Simulators.sized(1, 10)) {
            start(simulator.url(), 1 << 20);
            for (int i = 0; i < 300; i++) {
                template.requestBody("direct:call", new JackyunRequest("erp.warehouse.get", "{\"pageIndex\":0,\"pageSize\":5}", null));
            }
            assertThat(CallLimits.pendingDeadlines()).isLessThan(5);
        }
    }
}
