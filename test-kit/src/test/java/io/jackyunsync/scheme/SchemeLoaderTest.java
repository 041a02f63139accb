package io.jackyunsync.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jackyunsync.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that a bad scheme stops start-up with every problem named by file and field, and what SQL a good one gets. */
class SchemeLoaderTest {

    @TempDir
    Path dir;

    @Test
    void should_report_every_problem_of_a_scheme_at_once() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), """
                name: bad
                source:
                  api: erp.warehouse.get
                  id: warehouseId
                  list: warehouseInfo
                  pagination: {pageSize: 500}
                  request:
                    - {field: pageIndex, type: int, value: "{pageNumber}"}
                target:
                  table: warehouse
                  key: idx
                  fields:
                    - {field: id, type: bigint, value: "{warehouseId}"}
                    - {field: code, type: string, value: "_function NOW(); DROP TABLE x"}
                """);
        assertThatThrownBy(() -> SchemeLoader.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("source.pagination.pageSize")
                .hasMessageContaining("{pageNumber} names nothing")
                .hasMessageContaining("target.key")
                .hasMessageContaining("target.fields[0].type")
                .hasMessageContaining("target.fields[1].value");
    }

    @Test
    void should_name_every_unknown_key_with_its_path_and_the_other_problems_too() throws Exception {
        Files.writeString(dir.resolve("typo.yaml"), """
                name: typo
                colour: blue
                source:
                  api: erp.warehouse.get
                  idChek: true
                target:
                  table: warehouse
                  key: id
                  fields:
                    - {field: id, type: long, value: "{warehouseId}", requird: true}
                """);
        assertThatThrownBy(() -> SchemeLoader.load(dir))
                .hasMessageContaining("typo.yaml: unknown key 'colour' at the top level")
                .hasMessageContaining("typo.yaml: unknown key 'idChek' at source")
                .hasMessageContaining("typo.yaml: unknown key 'requird' at target.fields[0]")
                .hasMessageContaining("typo.yaml: source.id: required");
    }

    @Test
    void should_derive_an_upsert_that_keeps_create_fields_and_binds_record_values() {
        Scheme warehouse = SchemeLoader.load(Path.of("schemes")).stream().filter(s -> s.name().equals("warehouse")).findFirst()
                .orElseThrow();
        SchemeSql sql = SchemeSql.of(warehouse.target());
        assertThat(sql.upsert())
                .startsWith("INSERT INTO `warehouse` (`account`, `id`, `warehouse_code`")
                .contains(":#warehouse_code", "DATE_FORMAT(DATE_ADD(NOW(),INTERVAL - 10 SECOND),'%Y-%m-%d 00:00:00')")
                .contains("`warehouse_name` = VALUES(`warehouse_name`)")
                .doesNotContain("`create_time` = VALUES", "`create_by` = VALUES", "?");
        assertThat(sql.upsert().indexOf("`update_time` = IF(")).isLessThan(sql.upsert().indexOf("`warehouse_code` = VALUES"));
        assertThat(sql.countExisting())
                .isEqualTo("SELECT COUNT(*) FROM `warehouse` WHERE `account` IN (:#in:accounts) AND `id` IN (:#in:keys)");
    }

    @Test
    void should_give_every_shipped_windowed_scheme_a_modified_field_and_warn_of_one_without() {
        for (Scheme shipped : SchemeLoader.load(Path.of("schemes"))) {
            assertThat(shipped.source().modified()).as(shipped.name()).isEqualTo("gmtModified");
            assertThat(SchemeChecks.warnings(shipped)).as(shipped.name()).isEmpty();
        }
        Scheme warehouse = SchemeLoader.load(Path.of("schemes")).stream().filter(s -> s.name().equals("warehouse")).findFirst()
                .orElseThrow();
        Scheme.Source s = warehouse.source();
        Scheme without = new Scheme(warehouse.name(), true, null, new Scheme.Source(s.api(), s.method(), s.number(), s.id(), s.idCheck(),
                s.pagination(), s.list(), s.initialStart(), s.request(), s.probe(), s.window(), s.partitions(), s.total(), null, null),
                warehouse.target(), null);
        assertThat(SchemeChecks.warnings(without)).singleElement().asString().contains("source.modified is not set");
        Scheme spaced = new Scheme(warehouse.name(), true, null, new Scheme.Source(s.api(), s.method(), s.number(), s.id(), s.idCheck(),
                s.pagination(), s.list(), s.initialStart(), s.request(), s.probe(), s.window(), s.partitions(), s.total(), "gmt Modified",
                null),
                warehouse.target(), null);
        assertThat(SchemeChecks.check(spaced)).anySatisfy(p -> assertThat(p).startsWith("source.modified:"));
    }
}
