package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.scheme.Scheme;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Checks the cursor modes of the cursor pager: a forward-only read whose position is the value the next request carries. */
class CursorPagerTest {

    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong suspectPages = new AtomicLong();
    private final List<String> failures = new ArrayList<>();

    private Pager cursor(String mode, String start) {
        return new CursorPager(pages, suspectPages, (kind, message) -> failures.add(kind + ": " + message),
                Scheme.Pagination.MAX_ID.equals(mode), start);
    }

    @Test
    void should_move_a_max_id_cursor_to_the_largest_id_of_a_full_page() {
        Pager c = cursor(Scheme.Pagination.MAX_ID, "0");
        assertThat(c.isCursorMode()).isTrue();
        assertThat(c.cursor()).isEqualTo("0");
        c.pageFetched(200, 200, "1234567890123456789");
        assertThat(c.cursor()).isEqualTo("1234567890123456789");
        assertThat(c.isMorePages()).isTrue();
        assertThat(c.currentPage()).isEqualTo(1);
        c.pageFetched(200, 200, "1234567890123456999");
        assertThat(c.cursor()).isEqualTo("1234567890123456999");
        assertThat(pages).hasValue(2);
        assertThat(c.readPages()).isEqualTo(2);
        assertThat(failures).isEmpty();
    }

    @Test
    void should_fail_the_run_when_a_full_page_does_not_move_the_max_id_cursor_forward() {
        Pager c = cursor(Scheme.Pagination.MAX_ID, "0");
        c.pageFetched(200, 200, "9007199254740993");
        c.pageFetched(200, 200, "9007199254740992");
        assertThat(c.isMorePages()).isFalse();
        assertThat(c.cursor()).isEqualTo("9007199254740993");
        assertThat(failures).singleElement().asString().startsWith("gateway: ").contains("did not advance", "9007199254740992",
                "9007199254740993");
    }

    @Test
    void should_fail_the_run_when_a_full_page_repeats_the_max_id_cursor() {
        Pager c = cursor(Scheme.Pagination.MAX_ID, "500");
        c.pageFetched(200, 200, "500");
        assertThat(c.isMorePages()).isFalse();
        assertThat(failures).singleElement().asString().contains("did not advance");
    }

    @Test
    void should_ask_for_an_empty_page_after_a_full_one_again_once_with_the_same_cursor_then_end() {
        Pager c = cursor(Scheme.Pagination.MAX_ID, "0");
        c.pageFetched(200, 200, "700");
        c.pageFetched(0, 200, null);
        assertThat(c.isConfirming()).isTrue();
        assertThat(c.isMorePages()).isTrue();
        assertThat(c.cursor()).isEqualTo("700");
        c.pageFetched(0, 200, null);
        assertThat(c.isConfirming()).isFalse();
        assertThat(c.isMorePages()).isFalse();
        assertThat(c.cursor()).isEqualTo("700");
        assertThat(pages).hasValue(3);
        assertThat(suspectPages).hasValue(0);
        assertThat(failures).isEmpty();
    }

    @Test
    void should_count_an_empty_page_that_had_records_when_asked_again_suspect() {
        Pager c = cursor(Scheme.Pagination.MAX_ID, "0");
        c.pageFetched(200, 200, "700");
        c.pageFetched(0, 200, null);
        c.pageFetched(200, 200, "900");
        assertThat(suspectPages).hasValue(1);
        assertThat(c.cursor()).isEqualTo("900");
        assertThat(c.isConfirming()).isFalse();
        assertThat(c.isMorePages()).isTrue();
    }

    @Test
    void should_end_the_read_on_a_short_page() {
        Pager c = cursor(Scheme.Pagination.MAX_ID, "0");
        c.pageFetched(200, 200, "700");
        c.pageFetched(17, 200, "710");
        assertThat(c.isMorePages()).isFalse();
        assertThat(c.isConfirming()).isFalse();
        assertThat(c.cursor()).isEqualTo("700");
        assertThat(failures).isEmpty();
    }

    @Test
    void should_end_a_read_whose_first_page_is_empty() {
        Pager c = cursor(Scheme.Pagination.RESPONSE_CURSOR, "");
        c.pageFetched(0, 200, null);
        assertThat(c.isMorePages()).isFalse();
        assertThat(c.isConfirming()).isFalse();
    }

    @Test
    void should_follow_a_response_cursor_without_asking_it_to_grow() {
        Pager c = cursor(Scheme.Pagination.RESPONSE_CURSOR, "");
        assertThat(c.cursor()).isEmpty();
        c.pageFetched(200, 200, "zzz-scroll-1");
        c.pageFetched(200, 200, "aaa-scroll-2");
        assertThat(c.cursor()).isEqualTo("aaa-scroll-2");
        assertThat(c.isMorePages()).isTrue();
        c.pageFetched(3, 200, "aaa-scroll-3");
        assertThat(c.isMorePages()).isFalse();
        assertThat(failures).isEmpty();
    }

    @Test
    void should_ask_for_the_previous_cursor_again_after_a_page_of_duplicates() {
        Pager c = cursor(Scheme.Pagination.RESPONSE_CURSOR, "");
        c.pageFetched(200, 200, "s1");
        c.pageFetched(200, 200, "s2");
        c.pageOfDuplicates();
        assertThat(c.cursor()).isEqualTo("s1");
        assertThat(suspectPages).hasValue(1);
        assertThat(c.isMorePages()).isTrue();
    }

    @Test
    void should_fail_on_the_page_limit_in_a_cursor_mode_too() {
        Pager c = cursor(Scheme.Pagination.MAX_ID, "0");
        c.maxPages(2);
        c.pageFetched(200, 200, "10");
        c.pageFetched(200, 200, "20");
        assertThat(c.isMorePages()).isFalse();
        assertThat(failures).singleElement().asString().startsWith("page limit: ");
    }

    @Test
    void should_have_no_cursor_in_offset_mode() {
        Pager c = new OffsetPager(pages, suspectPages, (kind, message) -> failures.add(kind));
        assertThat(c.isCursorMode()).isFalse();
        assertThat(c.cursor()).isNull();
    }
}
