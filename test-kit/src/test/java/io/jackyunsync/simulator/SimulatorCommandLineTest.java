package io.jackyunsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jackyunsync.cli.CommandLine;
import org.junit.jupiter.api.Test;

/** The simulator's data-set sizes on the command line, validated as {@code --records} is; the new fault keys parse. */
class SimulatorCommandLineTest {

    @Test
    void should_read_goods_stock_and_trades_sizes_defaulting_to_zero() {
        CommandLine cli = CommandLine.parse(new String[]{"--simulator", "--goods", "12", "--stock", "34", "--trades", "1000000"});
        assertThat(cli.goods()).isEqualTo(12);
        assertThat(cli.stock()).isEqualTo(34);
        assertThat(cli.trades()).isEqualTo(1_000_000);
        CommandLine none = CommandLine.parse(new String[]{"--simulator"});
        assertThat(none.goods()).isZero();
        assertThat(none.stock()).isZero();
        assertThat(none.trades()).isZero();
    }

    @Test
    void should_refuse_bad_sizes() {
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--trades", "x"})).hasMessageContaining("--trades needs a number");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--goods", "-1"})).hasMessageContaining("--goods must be between");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--stock"})).hasMessageContaining("--stock needs a value");
    }

    @Test
    void should_parse_the_one_shot_scroll_faults() {
        SimulatorFaults f = SimulatorFaults.parse("dropScrollOnce=4,noScrollIdOnce=true,moveEvery=3");
        assertThat(f.dropScrollOnce()).isEqualTo(4);
        assertThat(f.noScrollIdOnce()).isTrue();
        assertThat(f.withOverlap(true).dropScrollOnce()).isEqualTo(4);
        assertThat(SimulatorFaults.NONE.dropScrollOnce()).isZero();
    }
}
