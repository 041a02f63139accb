package io.jackyunsync.cli;

/**
 * The parsed command line; unknown or malformed arguments are refused with a message naming them. {@code --help} (or
 * {@code -h}) and {@code --version} win over the modes and options beside them, which are still read: an unknown,
 * malformed or conflicting one is refused as without them.
 */
public record CommandLine(Mode mode, int port, int records, long seed, String faults, String host, boolean console, boolean repair,
        boolean force, int goods, int stock, int trades, int quotaPerDay, String quotaSubCode, String refuseSubCode) {

    public enum Mode { SERVICE, ONCE, DEMO, SIMULATOR, REPLAY, STATUS, RECONCILE, HELP, VERSION }

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
        int goods = 0;
        int stock = 0;
        int trades = 0;
        int quotaPerDay = 0;
        String quotaSubCode = null;
        String refuseSubCode = null;
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
                case "--repair" -> repair = true;
                case "--force" -> force = true;
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
                case "--seed" -> seed = number(args, ++i, "--seed", Long.MIN_VALUE, Long.MAX_VALUE);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (help || version) {
            return new CommandLine(help ? Mode.HELP : Mode.VERSION, port, records, seed, faults, host, console, repair, force, goods, stock,
                    trades, quotaPerDay, quotaSubCode, refuseSubCode);
        }
        if (console && mode != Mode.SERVICE) {
            throw new IllegalArgumentException("--console goes with the service (no --once, --demo, --replay, --status or --simulator)");
        }
        if (repair && mode != Mode.RECONCILE) {
            throw new IllegalArgumentException("--repair goes with --reconcile");
        }
        if (force && mode != Mode.RECONCILE) {
            throw new IllegalArgumentException("--force goes with --reconcile (its call estimate) and --reconcile --repair (its guard)");
        }
        if ((quotaPerDay > 0 || quotaSubCode != null || refuseSubCode != null) && mode != Mode.SIMULATOR) {
            throw new IllegalArgumentException("--quota-per-day, --quota-sub-code and --refuse-sub-code go with --simulator");
        }
        return new CommandLine(mode, port, records, seed, faults, host, console, repair, force, goods, stock, trades, quotaPerDay,
                quotaSubCode, refuseSubCode);
    }

    private static String text(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
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
            throw new IllegalArgumentException("choose one of --once, --demo, --replay, --status, --reconcile, --simulator");
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
