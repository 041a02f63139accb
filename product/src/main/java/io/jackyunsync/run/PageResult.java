package io.jackyunsync.run;

import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.support.ExchangeHelper;

/**
 * Takes the records of a page fetched in its own exchange (enrich). The page has its own exchange so that the dead
 * letter channel ends that exchange only, while the run goes on to finish and record the failure.
 */
public final class PageResult implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange run, Exchange page) {
        if (page.getException() != null) {
            run.setException(page.getException());
        } else if (ExchangeHelper.isFailureHandled(page) || !(page.getMessage().getBody() instanceof List)) {
            // dead-lettered (the error handler marks the exchange it handled): no records to hand on; the run already
            // knows it failed. (A page that succeeded on a retry still carries the caught exception of the failed
            // attempt, so that property cannot tell.)
            run.getMessage().setBody(List.of());
        } else {
            run.getMessage().setBody(page.getMessage().getBody());
        }
        return run;
    }
}
