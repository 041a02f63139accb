package io.jackyunsync.observe;

import io.jackyunsync.run.RunProperties;
import io.jackyunsync.run.SyncRun;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.engine.MDCUnitOfWork;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.spi.UnitOfWorkFactory;
import org.slf4j.MDC;

/**
 * Puts a run's {@code account}, {@code scheme} and {@code runId} into the SLF4J MDC of every log line logged while one
 * of its exchanges is routed, on whatever thread: the page loop's, the aggregator's writer threads (a batch is an
 * exchange of its own, carrying the run's property) and the dead letter channel's. Camel's MDC unit of work
 * ({@code camel.main.use-mdc-logging}) sets its {@code camel.*} keys before each step; this one, bound in the registry
 * as the context's UnitOfWorkFactory, adds the run's keys from the exchange property {@code run} at the same moments and
 * puts back what was there when the unit of work ends. {@code camel.main.mdc-logging-keys-pattern = *} has Camel carry
 * them over its asynchronous thread hops too (a list of the three would cost a regular expression per key and step). No key holds a secret: an account's name, a scheme's
 * name, a number.
 */
public final class RunLogContext implements UnitOfWorkFactory {

    public static final String ACCOUNT = "account";
    public static final String SCHEME = "scheme";
    public static final String RUN_ID = "runId";
    /** The account of a deployment without JACKYUN_ACCOUNTS (DESIGN.md, "Accounts"). */
    public static final String DEFAULT_ACCOUNT = "default";

    @Override
    public UnitOfWork createUnitOfWork(Exchange exchange) {
        CamelContext camel = exchange.getContext();
        return new RunUnitOfWork(exchange, camel.getInflightRepository(), camel.getMDCLoggingKeysPattern(),
                camel.isAllowUseOriginalMessage(),
                camel.isUseBreadcrumb());
    }

    /** The run's keys for code that logs outside its exchanges (the progress timer): put, then taken back on close. */
    public static Keys of(SyncRun run) {
        String account = MDC.get(ACCOUNT);
        String scheme = MDC.get(SCHEME);
        String runId = MDC.get(RUN_ID);
        put(run);
        return () -> restore(account, scheme, runId);
    }

    /** Closes without an exception to declare. */
    public interface Keys extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Puts the run's keys into this thread's MDC; the unit of work puts back what was there when it ends. Also told of
     * each run as it starts, within its exchange: the id exists from that step on, and the run's first line carries it.
     */
    public static void put(SyncRun run) {
        MDC.put(ACCOUNT, run.getAccount());
        MDC.put(SCHEME, run.getScheme());
        Long id = run.getId(); // none until the run's sync_run row is inserted
        if (id != null) {
            MDC.put(RUN_ID, id.toString());
        } else {
            MDC.remove(RUN_ID);
        }
    }

    static void restore(String account, String scheme, String runId) {
        restore(ACCOUNT, account);
        restore(SCHEME, scheme);
        restore(RUN_ID, runId);
    }

    private static void restore(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        } else {
            MDC.remove(key);
        }
    }

    /** Camel's MDC unit of work, plus the run's keys. */
    static final class RunUnitOfWork extends MDCUnitOfWork {

        private final String pattern;
        private final boolean allowUseOriginalMessage;
        private final boolean useBreadcrumb;
        private final InflightRepository inflight;
        private final String originalAccount;
        private final String originalScheme;
        private final String originalRunId;

        RunUnitOfWork(Exchange exchange, InflightRepository inflight, String pattern, boolean allowUseOriginalMessage,
                boolean useBreadcrumb) {
            // the originals first: the super constructor already prepares the MDC
            this(MDC.get(ACCOUNT), MDC.get(SCHEME), MDC.get(RUN_ID), exchange, inflight, pattern, allowUseOriginalMessage, useBreadcrumb);
        }

        private RunUnitOfWork(String account, String scheme, String runId, Exchange exchange, InflightRepository inflight, String pattern,
                boolean allowUseOriginalMessage, boolean useBreadcrumb) {
            super(exchange, inflight, pattern, allowUseOriginalMessage, useBreadcrumb);
            this.originalAccount = account;
            this.originalScheme = scheme;
            this.originalRunId = runId;
            this.inflight = inflight;
            this.pattern = pattern;
            this.allowUseOriginalMessage = allowUseOriginalMessage;
            this.useBreadcrumb = useBreadcrumb;
        }

        @Override
        protected void prepareMDC(Exchange exchange) {
            super.prepareMDC(exchange);
            if (exchange.getProperty(RunProperties.RUN) instanceof SyncRun run) {
                put(run);
            }
        }

        @Override
        public UnitOfWork newInstance(Exchange exchange) {
            return new RunUnitOfWork(exchange, inflight, pattern, allowUseOriginalMessage, useBreadcrumb);
        }

        @Override
        public void clear() {
            super.clear();
            restore(originalAccount, originalScheme, originalRunId);
        }
    }
}
