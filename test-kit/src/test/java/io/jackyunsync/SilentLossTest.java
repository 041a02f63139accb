package io.jackyunsync;

import static io.jackyunsync.support.HostileGateway.body;
import static io.jackyunsync.support.HostileGateway.rewritten;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jackyunsync.app.SyncApp;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.run.SyncRun;
import io.jackyunsync.scheme.MappedRecord;
import io.jackyunsync.support.HostileGateway;
import io.jackyunsync.support.TestDatabase;
import io.jackyunsync.support.Truth;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that a run never says OK over missing data: answers without their list, id-less records, rejects that cannot be kept, endless or oversized answers, a lost lock. */
class SilentLossTest extends HostileGatewayFixture {

    static final int VISIBLE = 1234; // 25 pages of 50

    @Override
    int visible() {
        return VISIBLE;
    }

    SyncRun run(String... settings) throws Exception {
        app = SyncApp.start(settings(settings));
        return app.run("warehouse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"data\":{}}"})
    void should_ask_again_when_a_success_answer_comes_without_its_data(String result) throws Exception {
        gateway.on(c -> page(c, 3), 1, body("{\"code\":200,\"msg\":\"success\",\"subCode\":\"\",\"result\":" + result + "}"));

        SyncRun run = run();

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getRetries()).isEqualTo(1);
        assertThat(run.getCounts().getSuspectPages()).isEqualTo(1);
        Truth.assertTableEqualsSimulator(db, simulator);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"warehouseInfo\":[]}", "null"})
    void should_confirm_an_empty_page_after_a_full_one_before_ending_the_pass(String data) throws Exception {
        gateway.on(c -> page(c, 3), 1, body("{\"code\":200,\"msg\":\"success\",\"subCode\":\"\",\"result\":{\"data\":" + data + "}}"));

        SyncRun run = run();

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getSuspectPages()).isEqualTo(1);
        assertThat(run.getCounts().getPages()).isEqualTo(26); // 25 pages and the one asked again
        Truth.assertTableEqualsSimulator(db, simulator);
    }

    @Test
    void should_end_the_pass_on_an_empty_page_that_is_confirmed() throws Exception {
        gateway.on(c -> page(c, 3), 2,
                body("{\"code\":200,\"msg\":\"success\",\"subCode\":\"\",\"result\":{\"data\":{\"warehouseInfo\":[]}}}"));

        SyncRun run = run();

        // the gateway says twice that page 3 is empty: the pass ends there, as at the end of any window of 150
        assertThat(run.getCounts().getSuspectPages()).isZero();
        assertThat(gateway.calls().stream().filter(c -> page(c, 3)).count()).isGreaterThanOrEqualTo(2);
        assertThat(gateway.calls().stream().filter(c -> page(c, 4)).count()).isZero();
    }

    @Test
    void should_dead_letter_a_page_whose_answers_keep_coming_without_data_and_keep_the_checkpoint() throws Exception {
        gateway.on(c -> page(c, 3), Integer.MAX_VALUE, body("{\"code\":200,\"msg\":\"success\",\"subCode\":\"\",\"result\":{}}"));

        SyncRun run = run("jackyun.retry.max-attempts", "3");

        assertThat(run.isSucceeded()).isFalse();
        assertThat(run.getError()).contains("without result.data");
        assertThat(db.rows("SELECT kind, item_key FROM sync_dead_letter")).singleElement()
                .satisfies(letter -> assertThat(letter).containsEntry("kind", "PAGE"))
                .satisfies(letter -> assertThat((String) letter.get("item_key")).startsWith("page 3 "));
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
    }

    @Test
    void should_reject_each_record_without_an_id_on_its_own() throws Exception {
        gateway.on(c -> page(c, 0), 1, rewritten(records(list -> {
            for (int i = 0; i < 5; i++) {
                ((ObjectNode) list.get(i)).remove("warehouseId");
            }
        })));

        SyncRun run = run();

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getRejected()).isEqualTo(5);
        assertThat(run.getCounts().getDuplicates()).isZero();
        assertThat(db.rows("SELECT rule, reason FROM sync_reject")).hasSize(5)
                .allSatisfy(r -> assertThat(r).containsEntry("rule", "id"))
                .allSatisfy(r -> assertThat((String) r.get("reason")).contains("warehouseId"));
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(VISIBLE - 5);
    }

    @Test
    void should_count_records_without_an_id_towards_the_reject_threshold() throws Exception {
        gateway.on(c -> page(c, 0) || page(c, 1), 2, rewritten(records(list -> list.forEach(r -> ((ObjectNode) r).remove("warehouseId")))));

        SyncRun run = run();

        // 100 of 1234 (8.1 %) are over the 5 % threshold: the run fails and the checkpoint stays
        assertThat(run.getCounts().getRejected()).isEqualTo(100);
        assertThat(run.isSucceeded()).isFalse();
        assertThat(run.getError()).contains("100 of 1234 records rejected");
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
    }

    @Test
    void should_land_the_good_rows_and_keep_a_17_mb_record_cut_as_a_reject() throws Exception {
        AtomicReference<String> huge = new AtomicReference<>();
        gateway.on(c -> page(c, 2), 1, rewritten(records(list -> {
            ObjectNode record = (ObjectNode) list.get(7);
            huge.set(record.get("warehouseId").asText());
            record.put("warehouseName", "仓".repeat(6 * 1024 * 1024)); // 18 MB of UTF-8: more than max_allowed_packet
        })));

        SyncRun run = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> run());

        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        assertThat(run.getCounts().getRejected()).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse")).isEqualTo(VISIBLE - 1);
        Map<String, Object> reject = db.rows("SELECT source_id, rule, payload FROM sync_reject").get(0);
        assertThat(reject).containsEntry("source_id", huge.get()).containsEntry("rule", "maxLength");
        String payload = (String) reject.get("payload");
        assertThat(payload.length()).isLessThan(MappedRecord.MAX_PAYLOAD_CHARS + 100);
        assertThat(payload).startsWith("{").endsWith(" characters in all]").contains("…[cut: ");
    }

    @Test
    void should_fail_at_once_naming_why_when_a_reject_cannot_be_kept_and_land_the_good_rows() throws Exception {
        AtomicReference<List<String>> pageIds = new AtomicReference<>();
        gateway.on(c -> page(c, 1), 1, rewritten(records(list -> {
            ((ObjectNode) list.get(0)).remove("warehouseCode");
            pageIds.set(StreamSupport.stream(list.spliterator(), false).skip(1)
                    .map(r -> r.get("warehouseId").asText()).toList());
        })));
        // the schema exists once the app has started: then sync_reject refuses every insert, as for a user without INSERT
        app = SyncApp.start(settings());
        db.execute("CREATE TRIGGER refuse_rejects BEFORE INSERT ON sync_reject FOR EACH ROW"
                + " SIGNAL SQLSTATE '42000' SET MESSAGE_TEXT = 'INSERT command denied to user sync for table sync_reject'");

        SyncRun run = app.run("warehouse");

        assertThat(run.isSucceeded()).isFalse();
        assertThat(run.getError()).contains("could not be kept in sync_reject").contains("INSERT command denied");
        assertThat(run.getSeconds()).isLessThan(30);
        assertThat(db.count("SELECT COUNT(*) FROM warehouse WHERE id IN (" + String.join(",", pageIds.get()) + ")")).isEqualTo(49);
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
        assertThat(gateway.calls().stream().filter(c -> page(c, 2)).count()).as("the run stops fetching").isZero();
    }

    @Test
    void should_end_a_pass_that_never_comes_back_short() throws Exception {
        AtomicReference<String> first = new AtomicReference<>();
        gateway.on(c -> page(c, 0), 1, rewritten(b -> {
            first.set(b);
            return b;
        }));
        // page 0's records again and again, each time under new ids: full pages for ever
        gateway.on(c -> c.pageIndex() > 0, Integer.MAX_VALUE, (call, form, exchange, g) -> body(records(list -> {
            for (int i = 0; i < list.size(); i++) {
                ((ObjectNode) list.get(i)).put("warehouseId", Long.toString(9_000_000_000L + call.pageIndex() * 1000L + i));
            }
        }).apply(first.get())).answer(call, form, exchange, g));

        SyncRun run = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> run("sync.max-pages-per-run", "40"));

        assertThat(run.isSucceeded()).isFalse();
        assertThat(run.getCounts().getPages()).isEqualTo(40);
        assertThat(run.getError()).contains("sync.max-pages-per-run");
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
    }

    @Test
    void should_end_a_call_whose_answer_trickles_in_at_the_call_deadline() throws Exception {
        gateway.on(c -> page(c, 0), Integer.MAX_VALUE, HostileGateway.trickle(50));

        SyncRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("jackyun.read-timeout-seconds", "1",
                "jackyun.call-deadline-seconds", "2", "jackyun.retry.max-attempts", "1"));

        assertThat(run.isSucceeded()).isFalse();
        assertThat(run.getError()).contains("not complete within 2 s").contains("jackyun.call-deadline-seconds");
        assertThat(run.getSeconds()).isBetween(1.9, 20.0);
    }

    @Test
    void should_refuse_an_answer_larger_than_the_body_cap_with_a_named_error() throws Exception {
        gateway.on(c -> page(c, 0), Integer.MAX_VALUE,
                rewritten(records(list -> ((ObjectNode) list.get(0)).put("warehouseName", "x".repeat(2 << 20)))));

        SyncRun run = run("jackyun.max-body-bytes", Integer.toString(1 << 20));

        assertThat(run.isSucceeded()).isFalse();
        assertThat(run.getError()).contains("larger than jackyun.max-body-bytes (1048576 bytes");
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
    }

    @Test
    void should_fail_the_run_when_its_scheme_lock_is_lost() throws Exception {
        gateway.on(c -> page(c, 12), 1, HostileGateway.after(() -> {
            try {
                // what an idle timeout, a restarted database or a proxy does to the lock's connection
                long holder = db.count("SELECT IS_USED_LOCK(" + TestDatabase.schemeLockName("warehouse") + ")");
                db.execute("KILL " + holder);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));

        SyncRun run = run();

        assertThat(run.isSucceeded()).isFalse();
        assertThat(run.getError()).contains("the lock of warehouse in the target database was lost");
        assertThat(db.count("SELECT COUNT(*) FROM sync_checkpoint")).isZero();
        assertThat(db.count("SELECT COUNT(*) FROM sync_dead_letter WHERE kind = 'BATCH'")).isPositive();
    }

    @Test
    void should_keep_the_scheme_lock_through_a_pause_longer_than_the_servers_idle_timeout() throws Exception {
        gateway.on(c -> page(c, 12), 1, HostileGateway.late(4000));
        AtomicReference<List<Map<String, Object>>> holder = new AtomicReference<>();
        gateway.on(c -> page(c, 13), 1, HostileGateway.after(() -> {
            try {
                holder.set(db.rows("SELECT IS_USED_LOCK(" + TestDatabase.schemeLockName("warehouse") + ") AS holder"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
        long idle = db.count("SELECT @@GLOBAL.wait_timeout");
        db.execute("SET GLOBAL wait_timeout = 2"); // new connections, the lock's among them, are ended after 2 s idle
        SyncRun run;
        try {
            run = run();
        } finally {
            db.execute("SET GLOBAL wait_timeout = " + idle);
        }

        // after the pause the lock is still held: no second run could have taken the scheme meanwhile
        assertThat(holder.get().get(0).get("holder")).as("the lock's holder after the pause").isNotNull();
        assertThat(run.isSucceeded()).as(run.summary()).isTrue();
        Truth.assertTableEqualsSimulator(db, simulator);
    }

    /** A rewrite of the page's record list (the simulator's answer, parsed and written again). */
    static Function<String, String> records(Consumer<ArrayNode> change) {
        return answer -> {
            try {
                JsonNode root = JackyunEnvelope.JSON.readTree(answer);
                change.accept((ArrayNode) root.at("/result/data/warehouseInfo"));
                return JackyunEnvelope.JSON.writeValueAsString(root);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
