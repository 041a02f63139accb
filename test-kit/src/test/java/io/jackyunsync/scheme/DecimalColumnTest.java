package io.jackyunsync.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Checks that a decimal fits its DECIMAL(p,s) column exactly or is refused by name: never a value MySQL would round. */
class DecimalColumnTest {

    static final DecimalColumn TWO = new DecimalColumn("trade.check_total", 18, 2, false);

    static String problem(DecimalColumn column, String value) {
        return column.problem(new BigDecimal(value));
    }

    @Test
    void should_not_count_trailing_zeros_as_places() {
        assertThat(problem(new DecimalColumn("t.c", 18, 3, false), "10.0050")).isNull();
        assertThat(problem(TWO, "123.4500")).isNull();
        assertThat(problem(TWO, "10.00000000")).isNull();
        assertThat(problem(TWO, "0")).isNull();
        assertThat(problem(TWO, "0.0000")).isNull();
        assertThat(problem(TWO, "1E+3")).isNull();
    }

    @Test
    void should_refuse_a_value_with_more_places_than_the_column_naming_value_and_column() {
        assertThat(problem(TWO, "10.0050")).isEqualTo("scale: 10.0050 has 3 decimal places, more than the 2 of column"
                + " trade.check_total DECIMAL(18,2) (a value is never stored rounded)");
        assertThat(problem(TWO, "12.3456")).startsWith("scale: 12.3456 has 4 decimal places");
        assertThat(problem(new DecimalColumn("t.c", 20, 4, false), "0.00001")).startsWith("scale: 0.00001 has 5");
    }

    @Test
    void should_refuse_a_value_with_more_digits_before_the_point_than_the_column_holds() {
        DecimalColumn six = new DecimalColumn("t.c", 6, 1, false);
        assertThat(problem(six, "12345.1")).isNull();
        assertThat(problem(six, "-12345.1")).isNull();
        assertThat(problem(six, "1234567.1")).isEqualTo("precision: 1234567.1 has 7 digits before the point, more than the 5"
                + " of column t.c DECIMAL(6,1)");
        assertThat(problem(six, "123456")).startsWith("precision: 123456 has 6 digits");
        assertThat(problem(six, "1E+5")).startsWith("precision: 100000 has 6 digits");
        // a column of places only holds fractions below one
        DecimalColumn fraction = new DecimalColumn("t.c", 4, 4, false);
        assertThat(problem(fraction, "0.5")).isNull();
        assertThat(problem(fraction, "1.5")).startsWith("precision: 1.5 has 1 digits before the point, more than the 0");
    }

    @Test
    void should_refuse_a_negative_value_for_an_unsigned_column() {
        DecimalColumn unsigned = new DecimalColumn("t.c", 10, 2, true);
        assertThat(problem(unsigned, "1.25")).isNull();
        assertThat(problem(unsigned, "-1.25")).isEqualTo("precision: -1.25 is negative, and column t.c DECIMAL(10,2) UNSIGNED is unsigned");
    }
}
