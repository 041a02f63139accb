package io.jackyunsync.run;

import javax.sql.DataSource;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The policy that writes a batch in one database transaction: its rows, and for a scheme with child tables the
 * deletion of the lines its records no longer have and the upsert of their lines, so that no reader (and no crash)
 * sees an order with half its lines. camel-sql runs on Spring's JdbcTemplate, which takes the connection bound to the
 * thread by Spring's transaction manager; the steps under the policy run on the writer's thread, one after the other.
 * camel-spring's SpringTransactionPolicy would do the same with spring-context and a transaction error handler besides.
 */
public final class BatchTransaction implements Policy {

    private final TransactionTemplate template;

    public BatchTransaction(DataSource dataSource) {
        this.template = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        // a batch reads nothing it must see again: READ COMMITTED takes no gap locks for the stale lines' delete, which
        // under REPEATABLE READ deadlocked two writers' batches on trade_goods (benchmark, 2 writers)
        template.setIsolationLevel(TransactionTemplate.ISOLATION_READ_COMMITTED);
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    /**
     * The steps run inside the transaction on this thread: the exchange is marked transacted meanwhile, which makes
     * Camel run each step synchronously where it is called (without it, the steps after the first can run once this
     * method has returned, outside the transaction: found by the hostile review, parents committed without their
     * lines). A failure rolls everything back and hands the batch on as it came (the steps replace the body with a
     * child table's rows), so the error handler's retry, its row-by-row split and the dead letter see the batch.
     */
    @Override
    public Processor wrap(Route route, Processor processor) {
        return exchange -> {
            Object batch = exchange.getMessage().getBody();
            boolean transacted = exchange.isTransacted();
            exchange.getExchangeExtension().setTransacted(true);
            try {
                template.executeWithoutResult(status -> {
                    try {
                        processor.process(exchange);
                    } catch (Exception e) {
                        exchange.setException(e);
                    }
                    if (exchange.getException() != null) {
                        status.setRollbackOnly(); // the failure travels on in the exchange, to the batch's error handler
                    }
                });
            } finally {
                exchange.getExchangeExtension().setTransacted(transacted);
            }
            if (exchange.getException() != null) {
                exchange.getMessage().setBody(batch);
            }
        };
    }

    /** Whether the caller runs inside a batch's transaction (a step that must not write outside one checks it). */
    static boolean active() {
        return TransactionSynchronizationManager.isActualTransactionActive();
    }
}
