package io.jackyunsync.run;

import io.jackyunsync.db.SqlFile;
import io.jackyunsync.jackyun.BeijingTime;
import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.jackyun.JackyunRequest;
import io.jackyunsync.jackyun.OneLine;
import io.jackyunsync.scheme.Scheme;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to the gateway counted in {@code sync_call} before it is sent (routes/fetch.camel.yaml, before the call is
 * signed), per account, method and Beijing day and month, and held against the scheme's quota ({@code source.quota},
 * {@code sync.<scheme>.quota-per-day} / {@code -per-month}): a call the budget has no room for is not made, and the
 * run ends QUOTA naming the account, the method, the calls spent and allowed and when the budget resets. A method the
 * gateway said was spent (its 额度不足 answer, {@link #refused}) is not called again that Beijing day, by any run,
 * instance or command.
 * <p>
 * The database is asked once every {@link #CHUNK} calls of a scheme with a quota ({@link #UNLIMITED_CHUNK} without
 * one), not once a call: a reservation of up to that many calls is taken in one transaction (the day's and the month's
 * rows locked, both must have room) and spent here; what a run did not send is given back when it ends
 * ({@link #release}). A process that dies mid-run leaves at most CHUNK - 1 calls counted that were never sent: the
 * count errs on the side of the quota, never past it.
 */
public final class CallBudget {

    /** Calls reserved at a time for a scheme with a quota: at most 19 counted and never sent after a crash. */
    static final int CHUNK = 20;
    /** The same without a quota: a reservation every 20 calls cost the benchmark's fetch limit 30 %, every 500 nothing measurable. */
    static final int UNLIMITED_CHUNK = 500;

    private static final Logger LOG = LoggerFactory.getLogger(CallBudget.class);
    private static final String ENSURE = SqlFile.read("call-ensure.sql");
    private static final String LOCK = SqlFile.read("call-lock.sql");
    private static final String ADD = SqlFile.read("call-add.sql");
    private static final String REFUSED = SqlFile.read("call-refused.sql");

    private final DataSource dataSource;
    private final Clock clock;
    /**
     * Per account, scheme and method: the calls reserved in the database and not sent yet, with the day and month they
     * were counted in (a scheme's own: its quota is checked when it reserves, and its run gives back only its own).
     */
    private final Map<String, Hand> hands = new ConcurrentHashMap<>();

    private static final class Hand {
        final String account;
        /** The day whose counter rows this process has made sure of. */
        String ensured;
        String day;
        String month;
        int left;

        Hand(String account) {
            this.account = account;
        }
    }

    public CallBudget(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The Beijing day (yyyy-MM-dd) of now: the period of the day's row. */
    public static String day(Clock clock) {
        return LocalDate.now(clock.withZone(BeijingTime.ZONE)).toString();
    }

    /** The Beijing month (yyyy-MM) of now: the period of the month's row. */
    public static String month(Clock clock) {
        return day(clock).substring(0, 7);
    }

    /**
     * One call of the run about to be sent: counted, or refused with a QUOTA failure when its budget has no room. A call
     * made outside a run (the benchmark's fetch) is counted without a budget.
     */
    public void spend(@ExchangeProperty(RunProperties.RUN) SyncRun run, @Body JackyunRequest request) throws SQLException {
        String method = request.method();
        String account = request.account();
        Hand hand = hands.computeIfAbsent(key(account, run, method), m -> new Hand(account));
        synchronized (hand) {
            String day = day(clock);
            if (hand.left > 0 && !day.equals(hand.day)) {
                giveBack(method, hand); // the day turned: what was reserved yesterday goes back to yesterday
            }
            if (hand.left == 0) {
                reserve(run == null ? "" : run.getScheme(), run == null ? Scheme.Quota.NONE : run.compiled().scheme().source().budget(),
                        method, day, hand);
            }
            hand.left--;
        }
        if (run != null) {
            run.getCounts().calls.incrementAndGet();
        }
    }

    /**
     * The gateway said the method's quota is spent (the exception is the run's failure, thrown on with the account and
     * when the budget resets): no call of it is made again for this account until the Beijing day turns, from this
     * process or any other. The refusal is kept on the day its call was counted in.
     */
    public void refused(@ExchangeProperty(RunProperties.RUN) SyncRun run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) JackyunException cause) {
        if (run == null) {
            throw cause; // a call outside a run (the benchmark's): no scheme's budget to stop
        }
        String method = run.compiled().scheme().source().api();
        String account = run.getAccount();
        Hand hand = hands.computeIfAbsent(key(account, run, method), m -> new Hand(account));
        String day;
        synchronized (hand) {
            day = hand.day != null ? hand.day : day(clock);
            try {
                giveBack(method, hand);
                try (Connection c = dataSource.getConnection()) {
                    ensure(c, account, method, day);
                    try (PreparedStatement s = c.prepareStatement(REFUSED)) {
                        s.setString(1, OneLine.of(cause.getMessage(), 500));
                        s.setString(2, account);
                        s.setString(3, method);
                        s.setString(4, day);
                        s.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                // the refusal stands whether or not it could be kept: the run still ends QUOTA
                LOG.error("{} for account {}: the gateway's quota refusal could not be kept in sync_call ({}); the next run may call"
                        + " it once more", method, account, e.getMessage());
            }
        }
        throw JackyunException.quotaSpent(cause.getSubCode(), cause.getMessage() + "; for account " + account + " no call of " + method
                + " is made until the budget resets at " + resetOfDay(day) + " Beijing time");
    }

    /** The run has ended: the calls reserved for its method and not sent are given back. */
    public void release(@ExchangeProperty(RunProperties.RUN) SyncRun run) {
        if (run == null) {
            return;
        }
        String method = run.compiled().scheme().source().api();
        Hand hand = hands.get(key(run.getAccount(), run, method));
        if (hand == null) {
            return;
        }
        synchronized (hand) {
            try {
                giveBack(method, hand);
            } catch (SQLException | RuntimeException e) {
                LOG.warn("{} for account {}: {} calls reserved and not sent could not be given back ({}); they stay counted", method,
                        hand.account, hand.left, e.getMessage());
                hand.left = 0;
            }
        }
    }

    /** The calls counted on a method's day and month, and the gateway's refusal of the day (null: none). */
    public record Counted(long day, long month, String refused) {}

    /** The counters of the account's {@code method} on {@code day} and its month, read by {@code sql} (account, method, day, month). */
    public static Counted counted(Connection c, String sql, String account, String method, String day) throws SQLException {
        long dayCalls = 0;
        long monthCalls = 0;
        String refused = null;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, account);
            s.setString(2, method);
            s.setString(3, day);
            s.setString(4, day.substring(0, 7));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (day.equals(rs.getString(1))) {
                        dayCalls = rs.getLong(2);
                        refused = rs.getString(3);
                    } else {
                        monthCalls = rs.getLong(2);
                    }
                }
            }
        }
        return new Counted(dayCalls, monthCalls, refused);
    }

    private static String key(String account, SyncRun run, String method) {
        return account + "/" + (run == null ? "" : run.getScheme()) + "/" + method;
    }

    private void reserve(String scheme, Scheme.Quota quota, String method, String day, Hand hand) throws SQLException {
        String month = day.substring(0, 7);
        String account = hand.account;
        try (Connection c = dataSource.getConnection()) {
            if (!day.equals(hand.ensured)) {
                ensure(c, account, method, day);
                hand.ensured = day;
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Counted counted = counted(c, LOCK, account, method, day);
                long dayCalls = counted.day();
                long monthCalls = counted.month();
                String refused = counted.refused();
                if (refused != null) {
                    throw JackyunException.quotaSpent("QUOTA",
                            method + " for account " + account + ": the gateway said today that its quota"
                                    + " is spent (" + refused + "); no call of it is made until the budget resets at " + resetOfDay(day)
                                    + " Beijing time");
                }
                long grant = quota.isLimited() ? CHUNK : UNLIMITED_CHUNK;
                if (quota.perDay() != null) {
                    grant = Math.min(grant, quota.perDay() - dayCalls);
                    if (grant <= 0) {
                        throw spent(account, scheme, method, dayCalls, quota.perDay(), "today (Beijing " + day + ")", "quota-per-day",
                                resetOfDay(day));
                    }
                }
                if (quota.perMonth() != null) {
                    grant = Math.min(grant, quota.perMonth() - monthCalls);
                    if (grant <= 0) {
                        throw spent(account, scheme, method, monthCalls, quota.perMonth(), "this month (Beijing " + month + ")",
                                "quota-per-month",
                                resetOfMonth(day));
                    }
                }
                add(c, account, method, day, month, grant);
                c.commit();
                hand.day = day;
                hand.month = month;
                hand.left = (int) grant;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private static JackyunException spent(String account, String scheme, String method, long spent, int allowed, String when, String key,
            String reset) {
        return JackyunException.quotaSpent("QUOTA", method + " for account " + account + ": " + spent + " calls spent of the " + allowed
                + " allowed " + when + " (sync." + scheme + "." + key + "); no call is made until the budget resets at "
                + reset + " Beijing time");
    }

    private void giveBack(String method, Hand hand) throws SQLException {
        if (hand.left > 0) {
            try (Connection c = dataSource.getConnection()) {
                add(c, hand.account, method, hand.day, hand.month, -hand.left);
            }
        }
        hand.left = 0;
    }

    private static void ensure(Connection c, String account, String method, String day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ENSURE)) {
            s.setString(1, account);
            s.setString(2, method);
            s.setString(3, day.substring(0, 7));
            s.setString(4, account);
            s.setString(5, method);
            s.setString(6, day);
            s.executeUpdate();
        }
    }

    private static void add(Connection c, String account, String method, String day, String month, long calls) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ADD)) {
            s.setLong(1, calls);
            s.setString(2, account);
            s.setString(3, method);
            s.setString(4, day);
            s.setString(5, month);
            s.executeUpdate();
        }
    }

    /** When the budget of {@code day} resets: the next Beijing midnight; of its month: the next month's first. */
    static String resetOfDay(String day) {
        return LocalDate.parse(day).plusDays(1) + " 00:00";
    }

    static String resetOfMonth(String day) {
        return LocalDate.parse(day).withDayOfMonth(1).plusMonths(1) + " 00:00";
    }
}
