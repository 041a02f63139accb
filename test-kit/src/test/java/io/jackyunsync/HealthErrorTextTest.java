package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.support.HostileGateway;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks that health serves a failed run's kind but never its error text, here a hostile gateway's message. */
class HealthErrorTextTest extends SyncMainTestSupport {

    private HostileGateway gateway;
    private int port;

    @Override
    protected URI gateway() throws Exception {
        gateway = new HostileGateway(HostileGateway.MSG);
        return gateway.url();
    }

    @Override
    protected void settings(Map<String, String> settings) throws Exception {
        port = Simulators.freePort();
        settings.put("server.port", Integer.toString(port));
    }

    @Override
    protected void doPostTearDown() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        super.doPostTearDown();
    }

    @Test
    void should_serve_a_failed_runs_kind_in_health_but_never_its_error_text() throws Exception {
        assertThat(app.run("warehouse").getError()).contains(HostileGateway.FORGED_LINE);

        HttpResponse<String> health = ObservabilityTest.get(port, "/observe/health?data=true");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).doesNotContain("tk-leak-4711", "forged", "xxxxx", "business parameter error")
                .contains("warehouse: the last run FAILED (gateway " + HostileGateway.SUBCODE + ")")
                .contains("\"warehouse.lastErrorKind\":\"gateway " + HostileGateway.SUBCODE + "\"");
        assertThat(db.count("SELECT COUNT(*) FROM sync_run WHERE status = 'FAILED'")).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isZero();
    }
}
