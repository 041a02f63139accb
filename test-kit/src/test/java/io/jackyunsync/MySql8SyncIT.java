package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.simulator.WarehouseDataSet;
import io.jackyunsync.support.Simulators;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mysql.MySQLContainer;

/** Checks the warehouse sync against a real MySQL 8 (Testcontainers); skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class MySql8SyncIT {

    @Container
    static final MySQLContainer MYSQL = new MySQLContainer("mysql:8.4.5").withDatabaseName("reconciliation");

    @Test
    void should_land_every_warehouse_on_mysql_8_and_rerun_idempotently() throws Exception {
        int visible = 600;
        try (JackyunSimulator simulator = Simulators.sized("1", "s", 8, WarehouseDataSet.sizeWithVisible(visible));
                SyncApp app = SyncApp.start(Map.of("jackyun.gateway", simulator.url().toString(), "jackyun.appkey", "1",
                        "jackyun.secret", "s", "mysql.url", MYSQL.getJdbcUrl(), "mysql.user", MYSQL.getUsername(),
                        "mysql.password", MYSQL.getPassword(), "sync.schedule.enabled", "false", "server.port", "0", "console.port",
                        "0"))) {
            SyncRun first = app.run("warehouse");
            try (Connection c = DriverManager.getConnection(MYSQL.getJdbcUrl(), MYSQL.getUsername(), MYSQL.getPassword());
                    Statement s = c.createStatement()) {
                s.execute("DELETE FROM sync_checkpoint");
            }
            SyncRun second = app.run("warehouse");

            assertThat(first.getCounts().getInserted()).as(first.summary()).isEqualTo(visible);
            assertThat(second.getCounts().getUpdated()).as(second.summary()).isEqualTo(visible);
            try (Connection c = DriverManager.getConnection(MYSQL.getJdbcUrl(), MYSQL.getUsername(), MYSQL.getPassword());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(warehouse_name LIKE '%🚚%') FROM warehouse")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(visible);
                assertThat(rs.getLong(2)).isPositive();
            }
        }
    }
}
