package io.jackyunsync.cli;

import java.time.LocalDateTime;

/**
 * The parsed command line; unknown or malformed arguments are refused with a message naming them. {@code --help} (or
 * {@code -h}) and {@code --version} win over the modes and options beside them, which are still read: an unknown,
 * malformed or conflicting one is refused as without them.
 */
public record CommandLine(Mode mode, int port, int records, long seed, String faults, String host, boolean console, boolean repair,
        boolean force, int goods, int stock, int trades, int quotaPerDay, String quotaSubCode, String refuseSubCode, Backfill backfill,
        boolean overBudget, String simulatorAccounts) {

    public enum Mode { SERVICE, ONCE, DEMO, SIMULATOR, REPLAY, STATUS, RECONCILE, BACKFILL, HELP, VERSION }

    /** {@code --backfill SCHEME --from T --to T [--account A]}: the window, Beijing time, read again without moving the checkpoint. */
    public record Backfill(String scheme, String from, String to, String account) {
    }

    private static final String TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

    public static CommandLine parse(String[] args) {
        Mode mode = Mode.SERVICE;
        int port = 8089;
        int records = 5000;
        long seed = 42;
        String faults = "";
        String host = "127.0.0.1";
        boolean console = false;
        boolean repair = false;
        boolean force = false;
        boolean overBudget = false;
        int goods = 0;
        int stock = 0;
        int trades = 0;
        int quotaPerDay = 0;
        String quotaSubCode = null;
        String refuseSubCode = null;
        String simulatorAccounts = null;
        String backfillScheme = null;
        String from = null;
        String to = null;
        String account = null;
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--once" -> mode = only(mode, Mode.ONCE);
                case "--demo" -> mode = only(mode, Mode.DEMO);
                case "--simulator" -> mode = only(mode, Mode.SIMULATOR);
                case "--replay" -> mode = only(mode, Mode.REPLAY);
                case "--status" -> mode = only(mode, Mode.STATUS);
                case "--console" -> console = true;
                case "--reconcile" -> mode = only(mode, Mode.RECONCILE);
                case "--backfill" -> {
                    mode = only(mode, Mode.BACKFILL);
                    backfillScheme = text(args, ++i, "--backfill");
                }
                case "--from" -> from = time(args, ++i, "--from");
                case "--to" -> to = time(args, ++i, "--to");
                case "--account" -> account = text(args, ++i, "--account");
                case "--repair" -> repair = true;
                case "--force" -> force = true;
                case "--over-budget" -> overBudget = true;
                case "--faults" -> faults = text(args, ++i, "--faults");
                case "--host" -> host = text(args, ++i, "--host");
                case "--port" -> port = (int) number(args, ++i, "--port", 0, 65535);
                case "--records" -> records = (int) number(args, ++i, "--records", 0, 50_000_000);
                case "--goods" -> goods = (int) number(args, ++i, "--goods", 0, 50_000_000);
                case "--stock" -> stock = (int) number(args, ++i, "--stock", 0, 50_000_000);
                case "--trades" -> trades = (int) number(args, ++i, "--trades", 0, 50_000_000);
                case "--quota-per-day" -> quotaPerDay = (int) number(args, ++i, "--quota-per-day", 0, 1_000_000_000);
                case "--quota-sub-code" -> quotaSubCode = code(args, ++i, "--quota-sub-code");
                case "--refuse-sub-code" -> refuseSubCode = code(args, ++i, "--refuse-sub-code");
                case "--accounts" -> simulatorAccounts = accounts(args, ++i);
                case "--seed" -> seed = number(args, ++i, "--seed", Long.MIN_VALUE, Long.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (help || version) {
            return new CommandLine(help ? Mode.HELP : Mode.VERSION, port, records, seed, faults, host, console, repair, force, goods, stock,
                    trades, quotaPerDay, quotaSubCode, refuseSubCode, null, overBudget, null);
        }
        if (console && mode != Mode.SERVICE) {
            throw new IllegalArgumentException("--console goes with the service (no --once, --demo, --replay, --status or --simulator)");
        }
        if (repair && mode != Mode.RECONCILE) {
            throw new IllegalArgumentException("--repair goes with --reconcile");
        }
        if (force && !(mode == Mode.RECONCILE && repair) && mode != Mode.BACKFILL) {
            throw new IllegalArgumentException("--force goes with --reconcile --repair (its guard) or --backfill (its call estimate)");
        }
        // not --force: a repair forced past its call estimate must not be forced past its guard as well
        if (overBudget && mode != Mode.RECONCILE && mode != Mode.BACKFILL) {
            throw new IllegalArgumentException("--over-budget goes with --reconcile or --backfill (their call estimate)");
        }
        if ((from != null || to != null || account != null) && mode != Mode.BACKFILL) {
            throw new IllegalArgumentException("--from, --to and --account go with --backfill");
        }
        Backfill backfill = null;
        if (mode == Mode.BACKFILL) {
            if (from == null || to == null) {
                throw new IllegalArgumentException(
                        "--backfill " + backfillScheme + " needs --from and --to ('yyyy-MM-dd HH:mm:ss', Beijing time)");
            }
            if (from.compareTo(to) >= 0) {
                throw new IllegalArgumentException("--backfill: --from (" + from + ") must be before --to (" + to + ")");
            }
            if (account != null && !account.matches("[a-z0-9-]{1,32}")) {
                throw new IllegalArgumentException("--account needs an account name ([a-z0-9-], at most 32), got '" + account + "'");
            }
            // none: the scheme's only account (a scheme of several accounts needs one named)
            backfill = new Backfill(backfillScheme, from, to, account);
        }
        if ((quotaPerDay > 0 || quotaSubCode != null || refuseSubCode != null || simulatorAccounts != null) && mode != Mode.SIMULATOR) {
            throw new IllegalArgumentException("--quota-per-day, --quota-sub-code, --refuse-sub-code and --accounts go with --simulator");
        }
        return new CommandLine(mode, port, records, seed, faults, host, console, repair, force, goods, stock, trades, quotaPerDay,
                quotaSubCode, refuseSubCode, backfill, overBudget, simulatorAccounts);
    }

    /** --accounts NAME:RECORDS,...: the simulator's accounts (each name's key and secret from JACKYUN_ACCOUNT_<NAME>_*). */
    private static String accounts(String[] args, int i) {
        String spec = text(args, i, "--accounts");
        if (!spec.matches("[a-z0-9-]{1,32}:\\d{1,8}(,[a-z0-9-]{1,32}:\\d{1,8})*")) {
            throw new IllegalArgumentException("--accounts needs NAME:WAREHOUSES,... (names of [a-z0-9-], at most 32), got '" + spec + "'");
        }
        return spec;
    }

    private static String text(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    /** A Beijing time as the gateway speaks it, checked as a date (2026-02-30 is refused). */
    private static String time(String[] args, int i, String name) {
        String value = text(args, i, name);
        try {
            if (!value.matches(TIME)) {
                throw new IllegalArgumentException();
            }
            LocalDateTime.parse(value.replace(' ', 'T'));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " needs a time 'yyyy-MM-dd HH:mm:ss' (Beijing), got '" + value + "'");
        }
        return value;
    }

    /** A gateway subCode: letters, digits and underscores, as the gateway's own (0130000700). */
    private static String code(String[] args, int i, String name) {
        String value = text(args, i, name);
        if (!value.matches("[A-Za-z0-9_]{1,32}")) {
            throw new IllegalArgumentException(name + " needs a subCode such as 0130000700, got '" + value + "'");
        }
        return value;
    }

    private static Mode only(Mode current, Mode next) {
        if (current != Mode.SERVICE) {
            throw new IllegalArgumentException("choose one of --once, --demo, --replay, --status, --reconcile, --backfill, --simulator");
        }
        return next;
    }

    private static long number(String[] args, int i, String name, long min, long max) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        try {
            long v = Long.parseLong(args[i]);
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, got '" + args[i] + "'");
        }
    }
}
