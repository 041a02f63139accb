package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.config.ConfigException;
import io.jackyunsync.simulator.JackyunSimulator;
import io.jackyunsync.support.AppOverrides;
import io.jackyunsync.support.Simulators;
import io.jackyunsync.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that a target table that does not fit its scheme stops the app, naming the scheme, table and column.
 * A failing boot is the subject, and each case boots more than once, so it calls SyncApp.start rather than the test kit.
 */
class TargetCheckTest {

    @Test
    void should_stop_naming_every_column_that_is_missing_or_of_the_wrong_type() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.sized(1, 10)) {
            SyncApp.start(AppOverrides.of(db, simulator)).close();
            db.execute("ALTER TABLE warehouse DROP COLUMN status, MODIFY warehouse_type VARCHAR(10), MODIFY warehouse_name VARCHAR(40)");

            assertThatThrownBy(() -> SyncApp.start(AppOverrides.of(db, simulator)))
                    .satisfies(e -> {
                        ConfigException config = Application.configProblem(e);
                        assertThat(config).isNotNull();
                        assertThat(config.problems()).hasSize(2);
                        assertThat(config.problems()).anySatisfy(p -> assertThat(p)
                                .isEqualTo("scheme warehouse, table warehouse, column status: does not exist"));
                        assertThat(config.problems()).anySatisfy(p -> assertThat(p)
                                .startsWith("scheme warehouse, table warehouse, column warehouse_type: type VARCHAR cannot hold a int"));
                    });

            db.execute("DROP TABLE warehouse");
            assertThatThrownBy(() -> SyncApp.start(AppOverrides.of(db, simulator)))
                    .satisfies(e -> assertThat(Application.configProblem(e).getMessage())
                            .contains("scheme warehouse, table warehouse: the table does not exist"));
        }
    }

    @Test
    void should_check_a_child_table_too_and_take_its_column_widths() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.sized(1, 10)) {
            Map<String, String> settings = AppOverrides.of(db, simulator);
            settings.put("sync.trade.enabled", "true");
            SyncApp.start(settings).close();
            db.execute("ALTER TABLE trade_goods DROP COLUMN barcode, MODIFY sku_id VARCHAR(19)");

            assertThatThrownBy(() -> SyncApp.start(settings))
                    .satisfies(e -> {
                        ConfigException config = Application.configProblem(e);
                        assertThat(config).isNotNull();
                        assertThat(config.problems()).hasSize(2);
                        assertThat(config.problems()).contains("scheme trade, child table trade_goods, column barcode: does not exist");
                        assertThat(config.problems()).anySatisfy(p -> assertThat(p)
                                .startsWith("scheme trade, child table trade_goods, column sku_id: type VARCHAR cannot hold a long"));
                    });

            db.execute("ALTER TABLE trade_goods DROP PRIMARY KEY, ADD PRIMARY KEY (trade_id, sub_trade_id)");
            assertThatThrownBy(() -> SyncApp.start(settings))
                    .satisfies(e -> assertThat(Application.configProblem(e).getMessage()).contains(
                            "scheme trade, child table trade_goods: the table's primary key must be (account, sub_trade_id), the"
                                    + " account first (it is [trade_id, sub_trade_id]"));

            // a table made before accounts (no account column): named, with where the migration is
            db.execute("ALTER TABLE trade_goods DROP PRIMARY KEY, DROP COLUMN account, ADD PRIMARY KEY (sub_trade_id)");
            assertThatThrownBy(() -> SyncApp.start(settings))
                    .satisfies(e -> assertThat(Application.configProblem(e).getMessage()).contains(
                            "scheme trade, child table trade_goods: the table's primary key must be (account, sub_trade_id)",
                            "it is [sub_trade_id]; a table made before accounts: see migrations/V105__accounts.sql"));
        }
    }

    @Test
    void should_stop_for_a_decimal_field_into_a_column_that_would_round_it_parent_and_child_alike() throws Exception {
        TestDatabase db = TestDatabase.create();
        try (JackyunSimulator simulator = Simulators.sized(1, 10)) {
            Map<String, String> settings = AppOverrides.of(db, simulator);
            settings.put("sync.trade.enabled", "true");
            SyncApp.start(settings).close();
            db.execute("ALTER TABLE trade MODIFY check_total INT NULL");
            db.execute("ALTER TABLE trade_goods MODIFY sell_total DECIMAL(18,0) NULL, MODIFY sell_price DOUBLE NULL");

            assertThatThrownBy(() -> SyncApp.start(settings))
                    .satisfies(e -> {
                        ConfigException config = Application.configProblem(e);
                        assertThat(config).isNotNull();
                        assertThat(config.problems()).hasSize(3);
                        assertThat(config.problems()).anySatisfy(p -> assertThat(p)
                                .startsWith("scheme trade, table trade, column check_total: type INT cannot hold a decimal (use one of ["));
                        assertThat(config.problems()).anySatisfy(p -> assertThat(p)
                                .startsWith("scheme trade, child table trade_goods, column sell_price: type DOUBLE cannot hold a decimal"));
                        assertThat(config.problems()).contains("scheme trade, child table trade_goods, column sell_total: type"
                                + " DECIMAL(18,0) keeps no decimal places, and the decimal field would lose every fraction (give the"
                                + " column a scale, or map a whole number as int or long)");
                    });
        }
    }
}
