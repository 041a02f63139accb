package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.SchemeLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Checks a run of the trade scheme through its reads: slices x partitions, the checkpoint per slice, totals, cursors. */
class SyncRunReadsTest {

    static CompiledScheme scheme(String name) {
        return CompiledScheme.of(SchemeLoader.load(Path.of("schemes")).stream()
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow());
    }

    static final CompiledScheme TRADE = scheme("trade");
    static final CompiledScheme GOODS = scheme("goods");

    /** The read loop's turn, as routes/sync.camel.yaml takes it: the condition reads, the step starts the read. */
    private static boolean nextRead(SyncRun run) {
        if (!run.isReadLeft()) {
            return false;
        }
        run.startNextRead();
        return true;
    }

    @Test
    void should_walk_the_slices_and_partitions_and_move_the_checkpoint_per_slice() {
        SyncRun run = new SyncRun(TRADE, "2026-01-01 00:00:00", "2026-01-10 00:00:00");
        List<String> reads = new ArrayList<>();
        while (nextRead(run)) {
            assertThat(run.cursorValue()).isEmpty(); // each read starts its scroll afresh
            run.pageFetched(3, 200, null, 3L);
            run.readEnded();
            reads.add(run.describePageRead() + " | done=" + run.isSliceDone() + " | checkpoint=" + run.getCheckpointEnd());
        }
        assertThat(reads).containsExactly(
                "slice 2026-01-01 00:00:00 .. 2026-01-08 00:00:00, isTableSwitch=1 at cursor '' | done=false | checkpoint=2026-01-08 00:00:00",
                "slice 2026-01-01 00:00:00 .. 2026-01-08 00:00:00, isTableSwitch=2 at cursor '' | done=true | checkpoint=2026-01-08 00:00:00",
                "slice 2026-01-07 23:59:59 .. 2026-01-10 00:00:00, isTableSwitch=1 at cursor '' | done=false | checkpoint=2026-01-10 00:00:00",
                "slice 2026-01-07 23:59:59 .. 2026-01-10 00:00:00, isTableSwitch=2 at cursor '' | done=false | checkpoint=2026-01-10 00:00:00");
        assertThat(run.getReads()).isEqualTo(4);
        assertThat(run.getRereads()).isZero();
        assertThat(run.getRecordsExpected()).isEqualTo(12L);
        assertThat(run.isClean()).isTrue();
    }

    @Test
    void should_follow_the_scroll_cursor_within_a_read_and_name_it() {
        SyncRun run = new SyncRun(TRADE, "2026-01-01 00:00:00", "2026-01-03 00:00:00");
        assertThat(nextRead(run)).isTrue();
        run.pageFetched(200, 200, "scroll-A", 250L);
        assertThat(run.cursorValue()).isEqualTo("scroll-A");
        assertThat(run.describePageRead()).endsWith("isTableSwitch=1 at cursor 'scroll-A'");
        assertThat(run.currentPage()).isEqualTo(1);
        run.pageFetched(50, 200, null, null);
        assertThat(run.isMorePages()).isFalse();
        run.readEnded();
        assertThat(run.getRereads()).isZero();
        assertThat(nextRead(run)).isTrue();
        assertThat(run.cursorValue()).isEmpty();
        assertThat(run.partitionValue()).isEqualTo(2);
    }

    @Test
    void should_read_a_read_short_of_its_total_again_then_fail_the_run_and_stop_reading() {
        SyncRun run = new SyncRun(TRADE, "2026-01-01 00:00:00", "2026-01-03 00:00:00");
        nextRead(run);
        run.pageFetched(10, 200, null, 12L);
        run.readEnded();
        assertThat(run.getRereads()).isEqualTo(1);
        assertThat(run.getCounts().getSuspectPages()).isEqualTo(1);
        assertThat(nextRead(run)).isTrue();
        assertThat(run.partitionValue()).isEqualTo(1); // the same read again
        run.pageFetched(11, 200, null, 12L);
        run.readEnded();
        assertThat(run.isClean()).isFalse();
        assertThat(run.getErrorKind()).isEqualTo("gateway");
        assertThat(run.getError()).contains("isTableSwitch=1", "read 11 records of the 12");
        assertThat(run.isSliceDone()).isFalse();
        assertThat(nextRead(run)).isFalse();
    }

    @Test
    void should_start_a_max_id_read_at_its_start_value_with_page_index_0() throws Exception {
        SyncRun run = new SyncRun(GOODS, "2026-01-01 00:00:00", "2026-01-02 00:00:00");
        assertThat(nextRead(run)).isTrue();
        assertThat(run.isCursorMode()).isTrue();
        assertThat(run.cursorValue()).isEqualTo("0");
        run.pageFetched(200, 200, "1234567890123456789", null);
        assertThat(run.describePageRead()).isEqualTo("[2026-01-01 00:00:00, 2026-01-02 00:00:00] at cursor '1234567890123456789'");
        var biz = JackyunEnvelope.JSON.readTree(PageCodec.pageRequest(GOODS.scheme().source(),
                run.currentPage(), run.readStart(), run.readEnd(), run.cursorValue(), run.partitionField(), run.partitionValue()));
        assertThat(biz.get("pageIndex").asInt()).isZero();
        assertThat(biz.get("maxSkuId").asText()).isEqualTo("1234567890123456789");
        assertThat(run.getRecordsExpected()).isNull();
    }

    /**
     * A page answered with records already read (the gateway served another page) is asked for again; its records
     * are not records of the read, yet they count toward the read's total, so a read that lost records passes as whole.
     */
    @Test
    void should_not_count_a_page_of_duplicates_toward_the_total() {
        SyncRun run = new SyncRun(TRADE, "2026-01-01 00:00:00", "2026-01-03 00:00:00");
        nextRead(run);
        run.pageFetched(ids(1, 200), 200, "s1", 450L); // records 1..200
        run.pageFetched(ids(1, 200), 200, "s2", null); // records 1..200 again: the gateway answered the first page
        assertThat(run.cursorValue()).isEqualTo("s1");
        run.pageFetched(ids(201, 400), 200, "s2", null); // records 201..400
        run.pageFetched(ids(401, 430), 200, null, null); // 430 distinct records of the 450 the total counts
        run.readEnded();
        assertThat(run.getRereads()).as("a read of 430 of 450 records is read again").isEqualTo(1);
    }

    /** A page that repeats half of the page before and lacks as many others has as many records, not as many new ones. */
    @Test
    void should_count_the_distinct_records_of_a_read_against_its_total() {
        SyncRun run = new SyncRun(TRADE, "2026-01-01 00:00:00", "2026-01-03 00:00:00");
        nextRead(run);
        run.pageFetched(ids(1, 200), 200, "s1", 350L);
        run.pageFetched(ids(101, 250), 200, null, null); // 150 records, 100 of them read already: 250 distinct
        run.readEnded();
        assertThat(run.getRereads()).isEqualTo(1);
        nextRead(run);
        run.pageFetched(ids(1, 200), 200, "s1", 350L);
        run.pageFetched(ids(201, 350), 200, null, null);
        run.readEnded();
        assertThat(run.isClean()).as(run.getError()).isTrue();
        assertThat(run.getRecordsExpected()).isEqualTo(350);
    }

    /**
     * Records read in an earlier read (a slice's boundary second, or orders modified during the run into the window's
     * last second) can fill a whole page of a later read: legitimate, not a gateway answering a page again.
     */
    @Test
    void should_take_a_page_of_records_read_in_an_earlier_read_as_records_of_this_one() {
        SyncRun run = new SyncRun(TRADE, "2026-01-01 00:00:00", "2026-01-03 00:00:00");
        nextRead(run);
        run.pageFetched(ids(1, 200), 200, "s1", 250L);
        run.pageFetched(ids(201, 250), 200, null, null);
        run.readEnded();
        nextRead(run);
        run.pageFetched(ids(1, 200), 200, "t1", 230L); // every one of them read in the first read
        run.pageFetched(ids(251, 280), 200, null, null);
        run.readEnded();
        assertThat(run.isClean()).as(run.getError()).isTrue();
        assertThat(run.getCounts().getSuspectPages()).isZero();
        assertThat(run.getRecordsExpected()).isEqualTo(480);
    }

    static List<String> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
    }
}
