package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.scheme.CompiledScheme;
import io.jackyunsync.scheme.SchemeLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Checks the paging state of a run: forward to a short page, confirmations, suspect pages, the backward pass, the page limit. */
class SyncRunTest {

    static final CompiledScheme WAREHOUSE = CompiledScheme.of(
            SchemeLoader.load(Path.of("schemes")).stream()
                    .filter(s -> s.name().equals("warehouse")).findFirst().orElseThrow());

    static SyncRun run() {
        SyncRun run = new SyncRun(WAREHOUSE, "2026-01-01 00:00:00", "2026-01-02 00:00:00");
        run.maxPages(1000);
        return run;
    }

    @Test
    void should_page_forward_until_a_short_page() {
        SyncRun run = run();
        run.pageFetched(50, 50);
        run.pageFetched(50, 50);
        assertThat(run.currentPage()).isEqualTo(2);
        run.pageFetched(7, 50);
        assertThat(run.isMorePages()).isFalse();
        assertThat(run.getCounts().getFetched()).isEqualTo(107);
        assertThat(run.getCounts().getSuspectPages()).isZero();
    }

    @Test
    void should_ask_again_for_an_empty_page_after_a_full_one_and_end_when_it_stays_empty() {
        SyncRun run = run();
        run.pageFetched(50, 50);
        run.pageFetched(0, 50);
        assertThat(run.isMorePages()).isTrue();
        assertThat(run.currentPage()).isEqualTo(1);
        run.pageFetched(0, 50);
        assertThat(run.isMorePages()).isFalse();
        assertThat(run.getCounts().getSuspectPages()).isZero();
    }

    @Test
    void should_count_a_suspect_page_when_the_empty_page_asked_again_has_records() {
        SyncRun run = run();
        run.pageFetched(50, 50);
        run.pageFetched(0, 50);
        run.pageFetched(50, 50);
        assertThat(run.getCounts().getSuspectPages()).isEqualTo(1);
        assertThat(run.currentPage()).isEqualTo(2);
        assertThat(run.isMorePages()).isTrue();
    }

    @Test
    void should_believe_an_empty_first_page_of_an_incremental_run_but_ask_again_on_a_first_run() {
        SyncRun incremental = run();
        incremental.pageFetched(0, 50);
        assertThat(incremental.isMorePages()).isFalse();

        SyncRun first = run();
        first.confirmFirstPage(true);
        first.pageFetched(0, 50);
        assertThat(first.isMorePages()).isTrue();
        first.pageFetched(0, 50);
        assertThat(first.isMorePages()).isFalse();
    }

    @Test
    void should_read_the_window_backwards_and_fail_when_a_page_read_full_stays_empty() {
        SyncRun run = run();
        run.pageFetched(50, 50);
        run.pageFetched(50, 50);
        run.pageFetched(10, 50);
        run.startReverse();
        assertThat(run.currentPage()).isEqualTo(3);
        run.pageFetched(0, 50); // past the end: empty is right
        assertThat(run.currentPage()).isEqualTo(2);
        run.pageFetched(10, 50);
        run.pageFetched(0, 50); // page 1 was full: asked again
        assertThat(run.currentPage()).isEqualTo(1);
        assertThat(run.isClean()).isTrue();
        run.pageFetched(0, 50);
        assertThat(run.isMorePages()).isFalse();
        assertThat(run.getError()).contains("backward pass found page 1 empty twice");
    }

    @Test
    void should_ask_again_for_a_page_of_earlier_records_and_fail_when_it_comes_again() {
        SyncRun run = run();
        run.pageFetched(50, 50);
        run.pageFetched(50, 50);
        run.pageOfDuplicates();
        assertThat(run.currentPage()).isEqualTo(1);
        assertThat(run.getCounts().getSuspectPages()).isEqualTo(1);
        run.pageFetched(50, 50);
        run.pageOfDuplicates();
        assertThat(run.isMorePages()).isFalse();
        assertThat(run.getError()).contains("page 1 was answered twice with records already read");
    }

    @Test
    void should_fail_at_the_page_limit() {
        SyncRun run = run();
        run.maxPages(3);
        run.pageFetched(50, 50);
        run.pageFetched(50, 50);
        run.pageFetched(50, 50);
        assertThat(run.isMorePages()).isFalse();
        assertThat(run.getError()).contains("sync.max-pages-per-run = 3");
    }
}
