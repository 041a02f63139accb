package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Checks that idCheck by version takes the newer copy, drops an older or the same one, and tells a conflict. */
class RunVersionsTest {

    static final long T = 1_765_000_000_000L;

    @Test
    void should_take_a_newer_copy_and_drop_an_older_or_the_same_one() {
        RunVersions v = new RunVersions(true);
        assertThat(v.offer("1800000000000000001", T, 7)).isEqualTo(RunVersions.Verdict.NEW);
        assertThat(v.offer("1800000000000000001", T, 7)).isEqualTo(RunVersions.Verdict.SAME);
        assertThat(v.offer("1800000000000000001", T - 1000, 9)).isEqualTo(RunVersions.Verdict.OLDER);
        assertThat(v.offer("1800000000000000001", T, 8)).isEqualTo(RunVersions.Verdict.CONFLICT);
        assertThat(v.offer("1800000000000000001", T + 1, 9)).isEqualTo(RunVersions.Verdict.NEWER);
        assertThat(v.isNewer("1800000000000000001", T + 2)).isTrue();
        assertThat(v.isNewer("1800000000000000001", T + 1)).isFalse();
        assertThat(v.isNewer("42", T)).isFalse();
    }

    @Test
    void should_compare_a_numeric_key_by_value_and_a_text_key_by_its_text() {
        RunVersions numeric = new RunVersions(true);
        numeric.offer("7", T, 1);
        assertThat(numeric.contains("007")).isTrue();
        assertThat(numeric.contains(" +7 ")).isTrue();
        assertThat(numeric.offer("01800000000000000001", T, 1)).isEqualTo(RunVersions.Verdict.NEW);
        assertThat(numeric.offer("1800000000000000001", T, 1)).isEqualTo(RunVersions.Verdict.SAME);
        RunVersions text = new RunVersions(false);
        text.offer("7", T, 1);
        assertThat(text.contains("007")).isFalse();
        assertThat(text.offer("AB-1", T, 1)).isEqualTo(RunVersions.Verdict.NEW);
        assertThat(text.contains("AB-1")).isTrue();
    }

    @Test
    void should_let_the_first_copy_stand_when_a_copy_has_no_modified_time() {
        RunVersions v = new RunVersions(true);
        v.offer("5", RecordVersion.UNKNOWN, 1);
        assertThat(v.offer("5", T, 2)).isEqualTo(RunVersions.Verdict.SAME);
    }

    @Test
    void should_read_epoch_milliseconds_and_beijing_times_and_refuse_anything_else() {
        assertThat(RecordVersion.parse("2026-12-07 08:00:00")).isEqualTo(1_796_601_600_000L);
        assertThat(RecordVersion.parse("2026-12-07 08:00:00.5")).isEqualTo(1_796_601_600_000L);
        assertThat(RecordVersion.parse("1796601600000")).isEqualTo(1_796_601_600_000L);
        assertThat(RecordVersion.parse("2026-12-07T00:00:00Z")).isEqualTo(RecordVersion.UNKNOWN);
        assertThat(RecordVersion.parse("2026-13-45 25:61:61")).isEqualTo(RecordVersion.UNKNOWN);
        assertThat(RecordVersion.parse("")).isEqualTo(RecordVersion.UNKNOWN);
    }
}
