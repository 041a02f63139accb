package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.SalesChannelDataSet;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.SyncMainTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that a new Jackyun method is configuration only: a copy of the configuration without the sales-channel
 * scheme gets its scheme file and migration added, and the same build syncs it.
 */
class SchemeByConfigurationTest extends SyncMainTestSupport {

    @TempDir
    Path config;

    private List<String> schemesBefore;
    private List<Map<String, Object>> tablesBefore;

    @Override
    protected JackyunSimulator startSimulator() throws Exception {
        return Simulators.sized(4, 900);
    }

    /** The deployment before the change boots once on its own (it migrates the database), then the files are added; the kit boots the one after. */
    @Override
    protected void settings(Map<String, String> settings) throws Exception {
        copy(Path.of("routes"), config.resolve("routes"));
        Files.createDirectories(config.resolve("schemes"));
        Files.copy(Path.of("schemes", "warehouse.yaml"), config.resolve("schemes/warehouse.yaml"));
        Files.createDirectories(config.resolve("migrations"));
        settings.put("camel.main.routes-include-pattern", "file:" + config.resolve("routes") + "/*.camel.yaml");
        settings.put("sync.schemes-dir", config.resolve("schemes").toString());
        settings.put("sync.migrations-dir", config.resolve("migrations").toString());
        try (SyncApp before = SyncApp.start(settings)) {
            schemesBefore = before.runAll().stream().map(SyncRun::getScheme).toList();
        }
        tablesBefore = db.rows("SHOW TABLES LIKE 'sales_channel'");

        Files.writeString(config.resolve("schemes/sales-channel.yaml"),
                Files.readString(Path.of("schemes", "sales-channel.yaml")).replace("enabled: false", "enabled: true"));
        Files.copy(Path.of("migrations", "V100__sales_channel.sql"), config.resolve("migrations/V100__sales_channel.sql"));
        // and the account first in its key, as V105 does for the repository's tables
        String accounts = Files.readString(Path.of("migrations", "V105__accounts.sql"));
        Files.writeString(config.resolve("migrations/V101__sales_channel_account.sql"),
                accounts.substring(accounts.indexOf("ALTER TABLE sales_channel"), accounts.indexOf("ALTER TABLE goods_sku")));
    }

    @Test
    void should_sync_sales_channels_from_a_scheme_file_and_a_migration_added_to_the_configuration() throws Exception {
        assertThat(schemesBefore).containsExactly("warehouse");
        assertThat(tablesBefore).isEmpty();

        SyncRun run = app.run("sales-channel");

        List<SalesChannelDataSet.Channel> channels = simulator.salesChannels().channels();
        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getPages()).isEqualTo(channels.size() / 50 + 1);
        assertThat(run.getCounts().getInserted()).isEqualTo(channels.size());
        Map<Long, Map<String, Object>> rows = db.rows("SELECT id, channel_code, HEX(channel_name) AS name_hex, channel_type,"
                + " platform_name, source_Id FROM sales_channel").stream().collect(Collectors.toMap(r -> (Long) r.get("id"), r -> r));
        assertThat(rows).hasSize(channels.size());
        for (SalesChannelDataSet.Channel c : channels) {
            assertThat(rows.get(c.id())).as("channel %s", c.id()).isNotNull()
                    .containsEntry("channel_code", c.code())
                    .containsEntry("name_hex", HexFormat.of().withUpperCase().formatHex(c.name().getBytes(StandardCharsets.UTF_8)))
                    .containsEntry("channel_type", c.type())
                    .containsEntry("source_Id", 3);
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
