package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.scheme.Scheme;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Checks the reads a window is made of: its 7-day slices times its partitions, in order, and the totals of each read. */
class ReadPlanTest {

    private final AtomicLong suspectPages = new AtomicLong();
    private final List<String> failures = new ArrayList<>();

    static Scheme.Source source(String maxSpan, List<Object> partitions, String total) {
        return new Scheme.Source("oms.trade.fullinfoget", "POST", "tradeNo", "tradeId", true,
                new Scheme.Pagination(200, "responseCursor", "scrollId", "scrollId", null), "trades", "2015-01-01 00:00:00",
                List.of(), null, maxSpan == null ? null : new Scheme.Window(maxSpan),
                partitions == null ? null : new Scheme.Partitions("isTableSwitch", partitions), total, null, null);
    }

    private ReadPlan plan(Scheme.Source source, String start, String end) {
        return new ReadPlan("trade", source, start, end, suspectPages, (kind, message) -> failures.add(kind + ": " + message));
    }

    /** Every read of the plan as "start .. end | partition". */
    private static List<String> reads(ReadPlan plan) {
        List<String> reads = new ArrayList<>();
        while (plan.next()) {
            reads.add(plan.sliceStart() + " .. " + plan.sliceEnd() + " | " + plan.partitionValue());
        }
        return reads;
    }

    @Test
    void should_cut_a_20_day_window_into_three_slices_of_at_most_7_days_in_order_each_starting_on_the_last_second_of_the_one_before() {
        ReadPlan plan = plan(source("P7D", null, null), "2026-01-01 00:00:00", "2026-01-21 00:00:00");
        assertThat(plan.isSingle()).isFalse();
        assertThat(reads(plan)).containsExactly(
                "2026-01-01 00:00:00 .. 2026-01-08 00:00:00 | null",
                "2026-01-07 23:59:59 .. 2026-01-14 23:59:59 | null",
                "2026-01-14 23:59:58 .. 2026-01-21 00:00:00 | null");
        assertThat(plan.reads).hasValue(3);
    }

    @Test
    void should_read_each_slice_in_every_partition_slice_by_slice() {
        ReadPlan plan = plan(source("P7D", List.of(1, 2), null), "2026-01-01 00:00:00", "2026-01-21 00:00:00");
        assertThat(reads(plan)).containsExactly(
                "2026-01-01 00:00:00 .. 2026-01-08 00:00:00 | 1",
                "2026-01-01 00:00:00 .. 2026-01-08 00:00:00 | 2",
                "2026-01-07 23:59:59 .. 2026-01-14 23:59:59 | 1",
                "2026-01-07 23:59:59 .. 2026-01-14 23:59:59 | 2",
                "2026-01-14 23:59:58 .. 2026-01-21 00:00:00 | 1",
                "2026-01-14 23:59:58 .. 2026-01-21 00:00:00 | 2");
        assertThat(plan.next()).isFalse();
    }

    @Test
    void should_call_a_slice_done_only_after_its_last_partition_and_not_after_the_last_slice() {
        ReadPlan plan = plan(source("P7D", List.of(1, 2), null), "2026-01-01 00:00:00", "2026-01-21 00:00:00");
        List<Boolean> done = new ArrayList<>();
        List<String> checkpoints = new ArrayList<>();
        while (plan.next()) {
            done.add(plan.isSliceDone());
            checkpoints.add(plan.checkpointEnd("2026-01-21 00:00:00"));
        }
        assertThat(done).containsExactly(false, true, false, true, false, false);
        assertThat(checkpoints).containsExactly(
                "2026-01-08 00:00:00", "2026-01-08 00:00:00",
                "2026-01-14 23:59:59", "2026-01-14 23:59:59",
                "2026-01-21 00:00:00", "2026-01-21 00:00:00");
    }

    @Test
    void should_name_the_slice_and_partition_of_the_current_read() {
        ReadPlan plan = plan(source("P7D", List.of(1, 2), null), "2026-01-01 00:00:00", "2026-01-21 00:00:00");
        plan.next();
        plan.next();
        assertThat(plan.partitionField()).isEqualTo("isTableSwitch");
        assertThat(plan.describe()).isEqualTo("slice 2026-01-01 00:00:00 .. 2026-01-08 00:00:00, isTableSwitch=2");
    }

    @Test
    void should_read_once_without_a_window() {
        ReadPlan plan = plan(source("P7D", null, null), null, null);
        assertThat(plan.isSingle()).isTrue();
        assertThat(plan.next()).isTrue();
        assertThat(plan.sliceStart()).isNull();
        assertThat(plan.sliceEnd()).isNull();
        assertThat(plan.describe()).isEqualTo("the whole set");
        assertThat(plan.isSliceDone()).isFalse();
        assertThat(plan.checkpointEnd("2026-01-21 00:00:00")).isEqualTo("2026-01-21 00:00:00");
        assertThat(plan.next()).isFalse();
    }

    @Test
    void should_read_a_window_narrower_than_the_span_or_exactly_as_wide_in_one_slice() {
        ReadPlan narrow = plan(source("P7D", null, null), "2026-01-01 00:00:00", "2026-01-03 12:00:00");
        assertThat(reads(narrow)).containsExactly("2026-01-01 00:00:00 .. 2026-01-03 12:00:00 | null");

        ReadPlan exact = plan(source("P7D", null, null), "2026-01-01 00:00:00", "2026-01-08 00:00:00");
        assertThat(exact.isSingle()).isTrue();
        assertThat(reads(exact)).containsExactly("2026-01-01 00:00:00 .. 2026-01-08 00:00:00 | null");

        ReadPlan oneSecondMore = plan(source("P7D", null, null), "2026-01-01 00:00:00", "2026-01-08 00:00:01");
        assertThat(reads(oneSecondMore)).containsExactly(
                "2026-01-01 00:00:00 .. 2026-01-08 00:00:00 | null",
                "2026-01-07 23:59:59 .. 2026-01-08 00:00:01 | null");
    }

    @Test
    void should_read_a_window_without_slicing_when_the_scheme_has_no_window() {
        ReadPlan plan = plan(source(null, List.of(1, 2), null), "2026-01-01 00:00:00", "2026-03-01 00:00:00");
        assertThat(reads(plan)).containsExactly(
                "2026-01-01 00:00:00 .. 2026-03-01 00:00:00 | 1",
                "2026-01-01 00:00:00 .. 2026-03-01 00:00:00 | 2");
    }

    @Test
    void should_read_a_read_short_of_its_total_again_once() {
        ReadPlan plan = plan(source("P7D", List.of(1, 2), "totalResults"), "2026-01-01 00:00:00", "2026-01-21 00:00:00");
        plan.next();
        plan.next(); // slice 1, partition 2
        plan.fetched(200, 250L);
        plan.fetched(40, 999L); // the total of the read is its first answer's
        plan.ended(true);
        assertThat(plan.isSliceDone()).isFalse();
        assertThat(suspectPages).hasValue(1);
        assertThat(plan.rereads).hasValue(1);

        assertThat(plan.next()).isTrue();
        assertThat(plan.isReread()).isTrue();
        assertThat(plan.describe()).isEqualTo("slice 2026-01-01 00:00:00 .. 2026-01-08 00:00:00, isTableSwitch=2");
        assertThat(plan.isSliceDone()).isTrue();
        plan.fetched(250, 250L);
        plan.ended(true);
        assertThat(failures).isEmpty();

        assertThat(plan.next()).isTrue();
        assertThat(plan.isReread()).isFalse();
        assertThat(plan.describe()).isEqualTo("slice 2026-01-07 23:59:59 .. 2026-01-14 23:59:59, isTableSwitch=1");
        assertThat(plan.reads).hasValue(4);
    }

    @Test
    void should_fail_a_read_short_of_its_total_twice_naming_the_read_and_the_numbers() {
        ReadPlan plan = plan(source("P7D", List.of(1, 2), "totalResults"), "2026-01-01 00:00:00", "2026-01-21 00:00:00");
        plan.next();
        plan.next();
        plan.next();
        plan.next(); // slice 2, partition 2
        plan.fetched(3, 5L);
        plan.ended(true);
        assertThat(failures).isEmpty();
        assertThat(plan.next()).isTrue();
        assertThat(plan.isReread()).isTrue();
        plan.fetched(4, 5L);
        plan.ended(true);
        assertThat(failures).singleElement().asString()
                .startsWith("gateway: ")
                .contains("slice 2026-01-07 23:59:59 .. 2026-01-14 23:59:59", "isTableSwitch=2", "read 4 records", "of the 5");
        assertThat(plan.rereads).hasValue(1);
    }

    @Test
    void should_not_judge_a_read_that_ended_unclean() {
        ReadPlan plan = plan(source("P7D", null, "totalResults"), "2026-01-01 00:00:00", "2026-01-21 00:00:00");
        plan.next();
        plan.fetched(3, 5L);
        plan.ended(false);
        assertThat(plan.rereads).hasValue(0);
        assertThat(plan.next()).isTrue();
        assertThat(plan.isReread()).isFalse();
        assertThat(plan.expectedTotal()).isNull();
    }

    @Test
    void should_sum_the_totals_of_reads_that_are_whole() {
        ReadPlan plan = plan(source("P7D", List.of(1, 2), "totalResults"), "2026-01-01 00:00:00", "2026-01-10 00:00:00");
        long[][] pages = {{7, 7}, {0, 0}, {12, 12}, {3, 3}};
        int i = 0;
        while (plan.next()) {
            plan.fetched((int) pages[i][0], pages[i][1]);
            plan.ended(true);
            i++;
        }
        assertThat(i).isEqualTo(4);
        assertThat(plan.expectedTotal()).isEqualTo(22L);
        assertThat(failures).isEmpty();
        assertThat(plan.rereads).hasValue(0);
    }

    @Test
    void should_have_no_expected_total_when_the_answers_carry_none() {
        ReadPlan plan = plan(source("P7D", null, null), "2026-01-01 00:00:00", "2026-01-21 00:00:00");
        while (plan.next()) {
            plan.fetched(10, null);
            plan.ended(true);
        }
        assertThat(plan.expectedTotal()).isNull();
        assertThat(plan.rereads).hasValue(0);
    }
}
