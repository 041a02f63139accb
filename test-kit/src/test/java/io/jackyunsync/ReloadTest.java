package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks live reload (the dev profile's switches): an edited scheme and an edited route take effect without a restart. */
class ReloadTest extends SyncMainTestSupport {

    @TempDir
    Path config;

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        return Simulators.start(21, 120, "");
    }

    /** A copy of routes/ and schemes/ that the test edits, watched as the dev profile watches the real ones. */
    @Override
    protected void settings(Map<String, String> settings) throws Exception {
        for (String dir : List.of("routes", "schemes")) {
            Files.createDirectories(config.resolve(dir));
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : files.toList()) {
                    Files.copy(f, config.resolve(dir).resolve(f.getFileName()));
                }
            }
        }
        settings.put("camel.main.routes-include-pattern", "file:" + config.resolve("routes") + "/*.camel.yaml");
        settings.put("camel.main.routes-reload-enabled", "true");
        settings.put("camel.main.routes-reload-directory", config.resolve("routes").toString());
        settings.put("camel.main.routes-reload-pattern", "*.camel.yaml");
        settings.put("camel.main.routes-reload-remove-all-routes", "false");
        settings.put("sync.schemes-dir", config.resolve("schemes").toString());
        settings.put("sync.schemes-reload", "true");
        settings.put("sync.warehouse.initial-start", INITIAL_START);
    }

    /** The go-live set over the file's 2015-01-01 (sync.warehouse.initial-start); before the simulator's warehouses. */
    static final String INITIAL_START = "2020-01-01 00:00:00";

    @Test
    void should_keep_the_configured_initial_start_in_a_reloaded_scheme() throws Exception {
        Path scheme = config.resolve("schemes/warehouse.yaml");
        Files.writeString(scheme, Files.readString(scheme).replace(
                "{field: status, label: 仓库状态, type: int, value: \"1\"}", "{field: status, label: 仓库状态, type: int, value: \"3\"}"));
        app.run("warehouse");

        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE status = 3")).as("the edited file was reloaded").isEqualTo(120);
        // a first run (no checkpoint): its window starts at the configured go-live, not at the file's initialStart
        assertThat(db.rows("SELECT CAST(window_start AS CHAR) AS s FROM sync_run WHERE scheme = 'warehouse'"))
                .extracting(r -> r.get("s")).containsExactly(INITIAL_START);
    }

    @Test
    void should_apply_an_edited_scheme_and_an_edited_route_to_the_running_service() throws Exception {
        app.run("warehouse");
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE status = 1")).isEqualTo(120);

        Path scheme = config.resolve("schemes/warehouse.yaml");
        Files.writeString(scheme, Files.readString(scheme).replace(
                "{field: status, label: 仓库状态, type: int, value: \"1\"}", "{field: status, label: 仓库状态, type: int, value: \"2\"}"));
        List<Long> modified = simulator.data().modify(3);
        app.run("warehouse");

        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE status = 2")).isEqualTo(3);
        assertThat(db.rows("SELECT id FROM warehouse WHERE status = 2").stream().map(r -> r.get("id")).toList())
                .containsExactlyInAnyOrderElementsOf(modified);

        Path route = config.resolve("routes/status.camel.yaml");
        // as an editor saves: the whole new text at once, so the watcher never reads a half-written file
        Path edited = Files.writeString(config.resolve("status.camel.yaml.new"), Files.readString(route)
                + "        - transform:\n            simple: \"${body}(reloaded)\"\n");
        Files.move(edited, route, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // a reload is no exchange for a NotifyBuilder to count: the status route's answer shows it
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> app.status().endsWith("(reloaded)"));
    }
}
