package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jackyunsync.cli.CommandLine;
import org.junit.jupiter.api.Test;

/** Checks that the command line is parsed into one mode with its options, and that bad arguments are refused by name. */
class CommandLineTest {

    @Test
    void should_parse_each_mode_and_its_options() {
        assertThat(CommandLine.parse(new String[0]).mode()).isEqualTo(CommandLine.Mode.SERVICE);
        assertThat(CommandLine.parse(new String[]{"--once"}).mode()).isEqualTo(CommandLine.Mode.ONCE);
        CommandLine repair = CommandLine.parse(new String[]{"--reconcile", "--repair", "--force"});
        assertThat(repair.mode()).isEqualTo(CommandLine.Mode.RECONCILE);
        assertThat(repair.repair()).isTrue();
        assertThat(repair.force()).isTrue();
        CommandLine sim = CommandLine.parse(new String[]{"--simulator", "--port", "9000", "--records", "12", "--faults", "5xx=0.1"});
        assertThat(sim.port()).isEqualTo(9000);
        assertThat(sim.records()).isEqualTo(12);
        assertThat(sim.faults()).isEqualTo("5xx=0.1");
        assertThat(CommandLine.parse(new String[]{"--console"}).console()).isTrue();
    }

    @Test
    void should_refuse_unknown_combined_and_malformed_arguments_naming_them() {
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--onse"})).hasMessageContaining("unknown argument: --onse");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--once", "--demo"})).hasMessageContaining("choose one of");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--once", "--console"}))
                .hasMessageContaining("--console goes with the service");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--repair"})).hasMessageContaining("--repair goes with --reconcile");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--once", "--force"}))
                .hasMessageContaining("--force goes with --reconcile");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--reconcile", "--force"}))
                .as("past the budget is not past the guard").hasMessageContaining("--force goes with --reconcile --repair");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--once", "--over-budget"}))
                .hasMessageContaining("--over-budget goes with --reconcile or --backfill");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--backfill", "warehouse", "--from", "2026-02-30 00:00:00", "--to",
                "2026-03-01 00:00:00"}))
                .hasMessageContaining("--from needs a time 'yyyy-MM-dd HH:mm:ss' (Beijing), got '2026-02-30 00:00:00'");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--backfill", "warehouse", "--from", "2026-03-01 00:00:00", "--to",
                "2026-02-01 00:00:00"})).hasMessageContaining("--from (2026-03-01 00:00:00) must be before --to");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--backfill", "warehouse"})).hasMessageContaining("needs --from and --to");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--once", "--from", "2026-03-01 00:00:00"}))
                .hasMessageContaining("--from, --to and --account go with --backfill");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--once", "--quota-per-day", "3"}))
                .hasMessageContaining("--quota-per-day, --quota-sub-code, --refuse-sub-code and --accounts go with --simulator");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--simulator", "--refuse-sub-code", "0130 0609"}))
                .hasMessageContaining("--refuse-sub-code needs a subCode");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--simulator", "--port", "70000"}))
                .hasMessageContaining("--port must be between");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--simulator", "--records", "many"}))
                .hasMessageContaining("--records needs a number");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--simulator", "--port"})).hasMessageContaining("--port needs a value");
    }

    @Test
    void should_take_help_and_version_anywhere_on_the_line_over_the_other_options() {
        assertThat(CommandLine.parse(new String[]{"--help"}).mode()).isEqualTo(CommandLine.Mode.HELP);
        assertThat(CommandLine.parse(new String[]{"-h"}).mode()).isEqualTo(CommandLine.Mode.HELP);
        assertThat(CommandLine.parse(new String[]{"--version"}).mode()).isEqualTo(CommandLine.Mode.VERSION);
        assertThat(CommandLine.parse(new String[]{"--once", "--help"}).mode()).isEqualTo(CommandLine.Mode.HELP);
        assertThat(CommandLine.parse(new String[]{"--repair", "--version"}).mode()).isEqualTo(CommandLine.Mode.VERSION);
        assertThat(CommandLine.parse(new String[]{"--version", "--help"}).mode()).isEqualTo(CommandLine.Mode.HELP);
        // the rest of the line is still read: a misspelt option is refused with or without --help
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--help", "--onse"})).hasMessageContaining("unknown argument: --onse");
    }
}
