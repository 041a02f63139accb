package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Checks the cursor on its own: the counters it raises on its run and the failures it reports, with their kinds. */
class OffsetPagerTest {

    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong suspectPages = new AtomicLong();
    private final List<String> failures = new ArrayList<>();
    private final OffsetPager cursor = new OffsetPager(pages, suspectPages, (kind, message) -> failures.add(kind + ": " + message));

    @Test
    void should_count_pages_and_end_the_forward_pass_between_passes() {
        cursor.pageFetched(50, 50, null);
        cursor.pageFetched(3, 50, null);
        assertThat(pages).hasValue(2);
        assertThat(cursor.isMorePages()).isFalse();
        assertThat(cursor.isBetweenPasses()).isTrue();
        cursor.startReverse();
        assertThat(cursor.isBetweenPasses()).isFalse();
        assertThat(cursor.isReverse()).isTrue();
        assertThat(cursor.currentPage()).isEqualTo(2);
        assertThat(cursor.isMorePages()).isTrue();
        assertThat(failures).isEmpty();
    }

    @Test
    void should_confirm_an_empty_page_after_a_full_one_before_ending() {
        cursor.pageFetched(50, 50, null);
        cursor.pageFetched(0, 50, null);
        assertThat(cursor.isConfirming()).isTrue();
        assertThat(cursor.currentPage()).isEqualTo(1);
        cursor.pageFetched(0, 50, null);
        assertThat(cursor.isConfirming()).isFalse();
        assertThat(cursor.isMorePages()).isFalse();
        assertThat(suspectPages).hasValue(0);
        assertThat(failures).isEmpty();
    }

    @Test
    void should_confirm_an_empty_first_page_only_when_asked_to() {
        cursor.pageFetched(0, 50, null);
        assertThat(cursor.isMorePages()).isFalse();

        OffsetPager first = new OffsetPager(new AtomicLong(), new AtomicLong(), (kind, message) -> failures.add(kind));
        first.confirmFirstPage(true);
        first.pageFetched(0, 50, null);
        assertThat(first.isConfirming()).isTrue();
        assertThat(first.isMorePages()).isTrue();
    }

    @Test
    void should_report_a_page_of_duplicates_answered_twice_as_a_gateway_failure() {
        cursor.pageFetched(50, 50, null);
        cursor.pageOfDuplicates();
        assertThat(suspectPages).hasValue(1);
        assertThat(cursor.currentPage()).isZero();
        cursor.pageFetched(50, 50, null);
        cursor.pageOfDuplicates();
        assertThat(cursor.isMorePages()).isFalse();
        assertThat(failures).singleElement().asString().startsWith("gateway: page 0 was answered twice");
    }

    @Test
    void should_ignore_duplicates_in_the_backward_pass() {
        cursor.pageFetched(10, 50, null);
        cursor.startReverse();
        cursor.pageFetched(0, 50, null);
        cursor.pageOfDuplicates();
        assertThat(suspectPages).hasValue(0);
        assertThat(failures).isEmpty();
    }

    @Test
    void should_report_the_page_limit_with_its_kind() {
        cursor.maxPages(2);
        cursor.pageFetched(50, 50, null);
        cursor.pageFetched(50, 50, null);
        assertThat(cursor.isMorePages()).isFalse();
        assertThat(failures).singleElement().asString().startsWith("page limit: read 2 pages");
    }
}
