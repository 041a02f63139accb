package io.jackyunsync.sync;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Takes the records of a page fetched in its own exchange (enrich). The page has its own exchange so that the dead
 * letter channel ends that exchange only, while the run goes on to finish and record the failure.
 */
public final class PageResult implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange run, Exchange page) {
        if (page.getException() != null) {
            run.setException(page.getException());
        } else {
            run.getMessage().setBody(page.getMessage().getBody());
        }
        return run;
    }
}
