package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Checks the console page in a real headless Chromium: the warehouse runs, checkpoint and rejects are shown.
 * Its screenshot is kept as target/console-screenshot.png. Skipped where Debian's chromium is not installed.
 * An integration test because it starts a browser process; the app itself boots in-process on the test kit.
 */
class ConsoleIT extends SyncMainTestSupport {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private int port;

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        return Simulators.start(8, 400, "badEvery=50");
    }

    @Override
    protected void settings(Map<String, String> settings) throws Exception {
        port = Simulators.freePort();
        settings.put("console.port", Integer.toString(port));
    }

    @Test
    void should_show_the_warehouse_runs_in_a_real_browser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed (.ci/run installs it)");
        app.run("warehouse");
        simulator.data().modify(2);
        app.run("warehouse");

        String url = "http://127.0.0.1:" + port + "/console";
        Path screenshot = Path.of("target", "console-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        String dom = chromium("--dump-dom", url);
        chromium("--screenshot=" + screenshot, "--window-size=1400,900", url);

        assertThat(dom).doesNotContain(Simulators.SECRET);
        assertThat(dom).contains("<h1>jackyun-sync</h1>", "Runs", "Routes", "Checkpoints", "Rejected records", "Dead letters");
        assertThat(dom)
                .containsPattern("<td class=\"2\">2</td><td class=\"warehouse\">warehouse</td><td class=\"SUCCEEDED\">SUCCEEDED</td>")
                .containsPattern("<td class=\"1\">1</td><td class=\"warehouse\">warehouse</td><td class=\"SUCCEEDED\">SUCCEEDED</td>")
                .contains("maxLength", "required")
                .containsPattern("<td class=\"sync-run\">sync-run</td><td class=\"Started\">Started</td><td class=\"2\">2</td>")
                .contains("sync-fetch-page", "sync-upsert");
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        assertThat(db.count("SELECT COUNT(*) FROM sync_run WHERE status = 'SUCCEEDED'")).isEqualTo(2);
    }

    private static String chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
