package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** idCheck's memory says "new" exactly once per id, numeric or not, across all of its tables. */
class RunIdsTest {

    @Test
    void should_answer_new_once_per_id_over_a_large_run() {
        RunIds ids = new RunIds();
        Random random = new Random(7);
        long[] seen = new long[200_000];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = i % 3 == 0 ? Long.MAX_VALUE - i : 1_000_000_000_000_000_000L + i * 1_000_003L + random.nextInt(1000);
            assertThat(ids.add(Long.toString(seen[i]))).as("first time %s", seen[i]).isTrue();
        }
        for (long id : seen) {
            assertThat(ids.add(Long.toString(id))).as("again %s", id).isFalse();
        }
        assertThat(ids.size()).isEqualTo(seen.length);
    }

    @Test
    void should_keep_non_canonical_and_text_ids_apart_from_numbers() {
        RunIds ids = new RunIds();
        assertThat(ids.add("7")).isTrue();
        assertThat(ids.add("007")).isTrue();
        assertThat(ids.add("7")).isFalse();
        assertThat(ids.add("99999999999999999999")).isTrue();
        assertThat(ids.add("CK-1")).isTrue();
        assertThat(ids.add("CK-1")).isFalse();
        assertThat(ids.add("0")).isTrue();
        assertThat(ids.size()).isEqualTo(5);
    }
}
