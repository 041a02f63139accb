package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.config.AlertSettings;
import io.jackyunsync.config.DatabaseSettings;
import io.jackyunsync.config.JackyunSettings;
import io.jackyunsync.config.Settings;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.ConsoleHttp;
import io.jackyunsync.support.ConsoleHttp.Answer;
import io.jackyunsync.support.JolokiaPolicy;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that the Hawtio console of {@code --console} opens no door: its Jolokia refuses route URIs sent into the
 * CamelContext, the JVM's diagnostic operations, every operation off its policy's list, GET, foreign Origins and
 * non-loopback Host names, reaches no other server, and still answers what Hawtio's Camel views ask.
 */
class WebConsoleTest {

    static final String CONTEXT = "org.apache.camel:context=jackyun-sync,type=context,name=\"jackyun-sync\"";
    static final String SYNC_RUN = "org.apache.camel:context=jackyun-sync,type=routes,name=\"sync-run\"";

    static TestDatabase db;
    static JackyunSimulator simulator;
    static SyncApp app;
    static ConsoleHttp console;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create();
        simulator = Simulators.start(8, 120, "");
        port = Simulators.freePort();
        app = SyncApp.start(settings(Map.of("console.hawtio.port", Integer.toString(port))));
        app.run("warehouse");
        console = new ConsoleHttp(port);
    }

    @AfterAll
    static void stop() {
        app.close();
        simulator.close();
    }

    /** Checks that no route URI can be sent in through the CamelContext or a route, and that no secret is readable. */
    @Test
    void should_refuse_route_uris_sent_into_camel_and_show_no_secret() throws Exception {
        List<Map<String, Object>> requests = List.of(
                exec(CONTEXT, "requestBody(java.lang.String,java.lang.Object)", "bean:syncSettings?method=secret", ""),
                exec(CONTEXT, "requestBody(java.lang.String,java.lang.Object)", "sql:SELECT 1?dataSource=#dataSource", ""),
                exec(CONTEXT, "requestStringBody(java.lang.String,java.lang.String)", "bean:dataSource?method=getPassword", ""),
                exec(CONTEXT, "requestBodyAndHeaders(java.lang.String,java.lang.Object,java.util.Map)", "bean:jackyunCall", "", Map.of()),
                exec(CONTEXT, "sendBody(java.lang.String,java.lang.Object)", "bean:alerts?method=checkStale", ""),
                exec(CONTEXT, "sendStringBody(java.lang.String, java.lang.String)", "bean:schemeLocks?method=closeAll", ""),
                exec(CONTEXT, "sendBodyAndHeaders(java.lang.String, java.lang.Object, java.util.Map)", "log:x", "", Map.of()),
                exec(CONTEXT, "createEndpoint(java.lang.String)", "bean:syncSettings"),
                exec(CONTEXT, "removeEndpoints(java.lang.String)", "*"),
                exec(SYNC_RUN, "updateRouteFromXml(java.lang.String)", "<route id=\"sync-run\"><from uri=\"timer:x\"/></route>"),
                exec(SYNC_RUN, "remove()"));
        JsonNode answers = console.jolokia(requests);

        assertThat(answers).hasSize(requests.size()).allSatisfy(a -> assertThat(a.path("status").asInt()).as("%s", a).isEqualTo(403));
        assertThat(answers.toString()).doesNotContain(Simulators.SECRET);
        assertThat(app.context().getRoute("sync-run")).isNotNull();
        // nothing that holds the settings is bound by name, and every readable attribute of every MBean is free of it
        assertThat(app.context().getRegistry().findByType(Settings.class)).isEmpty();
        assertThat(app.context().getRegistry().findByType(JackyunSettings.class)).isEmpty();
        assertThat(app.context().getRegistry().findByType(DatabaseSettings.class)).isEmpty();
        assertThat(app.context().getRegistry().findByType(AlertSettings.class)).isEmpty();
        JsonNode everything = console.jolokia(Map.of("type", "read", "mbean", "*:*"));
        assertThat(everything.path("status").asInt()).isEqualTo(200);
        assertThat(everything.toString()).doesNotContain(Simulators.SECRET);
    }

    /** Checks that DiagnosticCommand and HotSpotDiagnostic (system properties, files, heap dumps, VM flags) are refused. */
    @Test
    void should_refuse_the_jvm_diagnostic_operations() throws Exception {
        Path heap = Files.createTempDirectory("console-heap").resolve("heap.hprof");
        JsonNode answers = console.jolokia(List.of(
                exec("com.sun.management:type=DiagnosticCommand", "vmSystemProperties()"),
                exec("com.sun.management:type=DiagnosticCommand", "compilerDirectivesAdd([Ljava.lang.String;)", List.of("/etc/passwd")),
                exec("com.sun.management:type=HotSpotDiagnostic", "dumpHeap(java.lang.String,boolean)", heap.toString(), true),
                exec("com.sun.management:type=HotSpotDiagnostic", "setVMOption(java.lang.String,java.lang.String)",
                        "HeapDumpOnOutOfMemoryError", "true")));

        assertThat(answers).allSatisfy(a -> assertThat(a.path("status").asInt()).as("%s", a).isEqualTo(403));
        assertThat(heap).doesNotExist();
    }

    /** Checks that exactly the operations of jolokia-access.xml answer: for every other one of any MBean, 403. */
    @Test
    void should_answer_hawtio_reads_and_its_operations_and_refuse_every_other_operation() throws Exception {
        JsonNode allowed = console.jolokia(List.of(
                Map.of("type", "read", "mbean", SYNC_RUN, "attribute", "ExchangesCompleted"),
                exec(CONTEXT, "dumpRoutesAsXml()"),
                exec(CONTEXT, "dumpRoutesStatsAsXml", true, true),
                exec(SYNC_RUN, "dumpRouteStatsAsXml(boolean,boolean)", true, true),
                exec(SYNC_RUN, "dumpRouteAsXml()"),
                exec("org.apache.camel:context=jackyun-sync,type=services,name=DefaultInflightRepository", "browse()"),
                exec("org.apache.camel:context=jackyun-sync,type=services,name=DefaultAsyncProcessorAwaitManager", "browse()"),
                exec("hawtio:type=security,name=RBACRegistry", "list()"),
                exec("hawtio:type=security,area=jmx,name=HawtioDummyJMXSecurity", "canInvoke(java.lang.String)", CONTEXT),
                exec("java.lang:type=Threading", "dumpAllThreads(boolean,boolean)", false, false),
                Map.of("type", "search", "mbean", "org.apache.camel:type=routes,*"),
                Map.of("type", "version")));
        assertThat(allowed).allSatisfy(a -> assertThat(a.path("status").asInt()).as("%s", a).isEqualTo(200));
        assertThat(allowed.get(0).path("value").asLong()).isEqualTo(1);
        assertThat(allowed.get(1).path("value").asText()).contains("id=\"sync-run\"");
        assertThat(allowed.get(2).path("value").asText()).contains("exchangesCompleted");
        assertThat(allowed.toString()).doesNotContain(Simulators.SECRET);
        // a route can be stopped and started again by POST (Hawtio's Stop and Start buttons)
        JsonNode control = console.jolokia(List.of(exec("org.apache.camel:context=jackyun-sync,type=routes,name=\"sync-status\"", "stop()"),
                exec("org.apache.camel:context=jackyun-sync,type=routes,name=\"sync-status\"", "start()")));
        assertThat(control).allSatisfy(a -> assertThat(a.path("status").asInt()).as("%s", a).isEqualTo(200));
        assertThat(app.context().getRouteController().getRouteStatus("sync-status").isStarted()).isTrue();

        // every other operation: asked with one argument too many, so that nothing runs even if one were let through
        List<Map<String, Object>> others = JolokiaPolicy.load().operationsOutside(console.jolokia(Map.of("type", "list")).path("value"));
        assertThat(others).hasSizeGreaterThan(500);
        JsonNode refused = console.jolokia(others);
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            if (refused.get(i).path("status").asInt() != 403) {
                answered.add(others.get(i).get("mbean") + " " + others.get(i).get("operation") + " -> " + refused.get(i).path("status"));
            }
        }
        assertThat(answered).isEmpty();
        assertThat(console.jolokia(Map.of("type", "write", "mbean", SYNC_RUN, "attribute", "Tracing", "value", true))
                .path("status").asInt()).isEqualTo(403);
    }

    /** Checks that a GET can neither act nor read: Jolokia takes POSTs only. */
    @Test
    void should_refuse_jolokia_by_get() throws Exception {
        String stop = "/hawtio/jolokia/exec/org.apache.camel:context=jackyun-sync,type=routes,name=%22sync-status%22/stop()";
        Map<String, String> own = Map.of("Host", "127.0.0.1:" + port, "Origin", console.origin());
        JsonNode byPath = console.send("GET", stop, own, null).json();
        JsonNode byParameter = console.send("GET", "/hawtio/jolokia/?p=/exec/" + stop.substring(stop.indexOf("org.apache")), own, null)
                .json();
        JsonNode read = console.send("GET", "/hawtio/jolokia/read/java.lang:type=Memory/HeapMemoryUsage", own, null).json();

        assertThat(List.of(byPath, byParameter, read)).allSatisfy(a -> assertThat(a.path("status").asInt()).as("%s", a).isEqualTo(403));
        assertThat(app.context().getRouteController().getRouteStatus("sync-status").isStarted()).isTrue();
    }

    /** Checks that a page of another origin gets no CORS grant and no answer, and that a request must name its origin. */
    @Test
    void should_refuse_pages_of_other_origins() throws Exception {
        String read = "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\"}";
        String host = "127.0.0.1:" + port;
        Answer preflight = console.send("OPTIONS", "/hawtio/jolokia", Map.of("Host", host, "Origin", "http://evil.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"), null);
        Answer evil = console.send("POST", "/hawtio/jolokia", Map.of("Host", host, "Origin", "http://evil.example"), read);
        Answer otherLocalPort = console.send("POST", "/hawtio/jolokia", Map.of("Host", host, "Origin", "http://127.0.0.1:1"), read);
        Answer nullOrigin = console.send("POST", "/hawtio/jolokia", Map.of("Host", host, "Origin", "null"), read);
        Answer noOrigin = console.send("POST", "/hawtio/jolokia", Map.of("Host", host), read);

        assertThat(preflight.headers()).doesNotContainKeys("access-control-allow-origin", "access-control-allow-credentials");
        assertThat(List.of(evil, otherLocalPort, nullOrigin)).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.headers()).doesNotContainKeys("access-control-allow-origin", "access-control-allow-credentials");
            assertThat(a.body()).doesNotContain("HeapMemoryUsage", "used");
        });
        assertThat(noOrigin.json().path("status").asInt()).isEqualTo(403);
    }

    /** Checks that a Host name other than a loopback one (a DNS-rebound name) is refused, page and Jolokia alike. */
    @Test
    void should_refuse_a_host_name_that_is_not_loopback() throws Exception {
        String read = "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\"}";
        String evil = "evil.example:" + port;
        Answer page = console.send("GET", "/hawtio/", Map.of("Host", evil), null);
        Answer jolokia = console.send("POST", "/hawtio/jolokia", Map.of("Host", evil, "Origin", "http://" + evil), read);
        Answer own = console.send("GET", "/hawtio/", Map.of("Host", "localhost:" + port), null);

        assertThat(page.status()).isEqualTo(403);
        assertThat(jolokia.status()).isEqualTo(403);
        assertThat(jolokia.body()).doesNotContain("HeapMemoryUsage", "used");
        assertThat(own.status()).isEqualTo(200);
    }

    /** Checks that no request makes the console connect elsewhere: Jolokia's JSR-160 proxy and Hawtio's proxy are off. */
    @Test
    void should_reach_no_other_server_for_a_request() throws Exception {
        try (ServerSocket bait = new ServerSocket(0)) {
            console.jolokia(Map.of("type", "read", "mbean", "java.lang:type=Memory", "attribute", "HeapMemoryUsage",
                    "target", Map.of("url", "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + bait.getLocalPort() + "/jmxrmi")));
            Answer viaHawtio = console.send("GET", "/hawtio/proxy/http/127.0.0.1/" + bait.getLocalPort() + "/jolokia/version",
                    Map.of("Host", "127.0.0.1:" + port), null);

            assertThat(viaHawtio.status()).isEqualTo(404);
            // both answers have come back (the JMX one read locally): a connection they made would wait in the backlog
            bait.setSoTimeout(1);
            assertThatThrownBy(bait::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    /** Checks that console.host beyond loopback is a configuration error naming the key, while the console has no login. */
    @Test
    void should_refuse_a_console_host_beyond_loopback() throws Exception {
        for (String host : List.of("0.0.0.0", "192.168.1.10", "jackyun-sync.example")) {
            assertThatThrownBy(() -> SyncApp.start(settings(Map.of("console.host", host, "console.hawtio.port", "0"))).close())
                    .satisfies(e -> assertThat(Application.configProblem(e)).as(host).isNotNull()
                            .hasMessageContaining("console.host (environment CONSOLE_HOST) must be a loopback name")
                            .hasMessageContaining(host));
        }
    }

    private static Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(WarehouseSyncTest.overrides(db, simulator));
        settings.put("console.hawtio.enabled", "true");
        settings.putAll(extra);
        return settings;
    }

    static Map<String, Object> exec(String mbean, String operation, Object... arguments) {
        return Map.of("type", "exec", "mbean", mbean, "operation", operation, "arguments", List.of(arguments));
    }
}
