package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jackyunsync.cli.CommandLine;
import io.jackyunsync.cli.LogFormat;
import io.jackyunsync.config.ConfigException;
import io.jackyunsync.simulator.SimulatorFaults;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Checks --help (every command and option, the simulator's and its fault keys included, on stdout, exit 0), --version
 * and the log format's check, in-process; ApplicationCommandLineIT checks them on the packaged jar.
 */
class UsageAndVersionTest {

    /** Every option CommandLine takes; each must be in the usage. */
    static final List<String> OPTIONS = List.of("--help", "-h", "--version", "--console", "--once", "--reconcile", "--repair", "--force",
            "--replay", "--status", "--demo", "--simulator", "--host", "--port", "--records", "--goods", "--stock", "--trades", "--seed",
            "--faults", "--quota-per-day", "--quota-sub-code", "--refuse-sub-code", "--backfill", "--from", "--to", "--account",
            "--over-budget");

    record Printed(int exit, String out, String err) {
    }

    static Printed run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Application.run(args, cli -> {
                throw new AssertionError("no repository mode here");
            });
            return new Printed(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void should_print_every_command_and_option_on_stdout_and_exit_0() {
        Printed help = run("--help");

        assertThat(help.exit()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out()).isEqualTo(Application.USAGE + System.lineSeparator());
        for (String option : OPTIONS) {
            assertThat(help.out()).as(option).containsPattern("(?<![\\w-])" + option + "(?![\\w-])");
            // and the parser takes it: the list above is the parser's
            String[] backfill = {"--backfill", "warehouse", "--from", "2026-01-01 00:00:00", "--to", "2026-01-02 00:00:00", "--account",
                    "default"};
            String[] line = List.of("--backfill", "--from", "--to", "--account").contains(option)
                    ? backfill
                    : option.equals("--over-budget")
                            ? new String[]{"--reconcile", option}
                            : option.equals("--repair")
                                    ? new String[]{"--reconcile", option}
                                    : option.equals("--force")
                                            ? new String[]{"--reconcile", "--repair", option}
                                            : List.of("--host", "--port", "--records", "--goods", "--stock", "--trades", "--seed",
                                                    "--faults",
                                                    "--quota-per-day", "--quota-sub-code", "--refuse-sub-code")
                                                    .contains(option)
                                                            ? new String[]{"--simulator", option, "1"}
                                                            : new String[]{option};
            assertThatCode(() -> CommandLine.parse(line)).as(option).doesNotThrowAnyException();
        }
        assertThat(run("-h").out()).isEqualTo(help.out());
    }

    @Test
    void should_name_every_fault_key_the_simulator_takes() {
        // the simulator's own list of keys, from its refusal of an unknown one
        String message = ((Supplier<String>) () -> {
            try {
                SimulatorFaults.parse("noSuchFault=1");
                return "";
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }).get();
        List<String> keys = Arrays.stream(message.substring(message.indexOf("known: ") + 7).split(", "))
                .map(k -> k.replaceAll(" .*", "")).toList();
        assertThat(keys).contains("5xx", "exclusiveBounds").hasSizeGreaterThan(10);
        assertThat(Application.USAGE).contains(keys);
    }

    @Test
    void should_print_the_version_lines_and_exit_0() {
        Printed version = run("--version");

        assertThat(version.exit()).isZero();
        assertThat(version.err()).isEmpty();
        // from target/classes there is no jar manifest to tell the version; ApplicationCommandLineIT checks the jar's
        assertThat(version.out()).startsWith("jackyun-sync ").containsPattern("\\nApache Camel 4\\.\\d+\\.\\d+\\n")
                .containsPattern("\\nJava \\d+");
    }

    @Test
    void should_still_refuse_a_wrong_option_with_exit_2_and_the_usage_on_stderr() {
        Printed wrong = run("--onse");

        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err()).startsWith("unknown argument: --onse").contains(Application.USAGE);
    }

    @Test
    void should_refuse_an_unknown_log_format_at_start_up_but_not_for_help_or_version() {
        CommandLine once = CommandLine.parse(new String[]{"--once"});
        for (String ok : new String[]{"text", "json", "JSON", " json ", ""}) {
            assertThatCode(() -> LogFormat.require(once, Map.of(LogFormat.VARIABLE, ok))).as(ok).doesNotThrowAnyException();
        }
        assertThatCode(() -> LogFormat.require(once, Map.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> LogFormat.require(once, Map.of(LogFormat.VARIABLE, "xml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("JACKYUN_SYNC_LOG_FORMAT is 'xml': it takes text (the default) or json");
        assertThatCode(() -> LogFormat.require(CommandLine.parse(new String[]{"--help"}), Map.of(LogFormat.VARIABLE, "xml")))
                .doesNotThrowAnyException();
    }
}
