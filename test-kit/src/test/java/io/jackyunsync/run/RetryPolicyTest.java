package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.jackyun.JackyunException;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;

/** Checks which failures are tried again, and that attempts and time bound the retries of one page or batch. */
class RetryPolicyTest {

    final DefaultCamelContext context = new DefaultCamelContext();

    Exchange failed(Exception e, SyncRun run) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, e);
        exchange.setProperty("run", run);
        return exchange;
    }

    @Test
    void should_retry_a_transient_call_until_its_attempts_are_used_and_count_the_retries() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMinutes(1), 1, Duration.ofMinutes(1));
        SyncRun run = SyncRunTest.run();
        Exchange exchange = failed(new JackyunException("HTTP_503", "m", true), run);
        // Camel's redelivery counter as the error handler sets it before asking: the failures so far
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 1);
        assertThat(policy.retryFetch(exchange)).isTrue();
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 2);
        assertThat(policy.retryFetch(exchange)).isTrue();
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 3);
        assertThat(policy.retryFetch(exchange)).isFalse(); // the third failure is the third attempt
        assertThat(run.getCounts().getRetries()).isEqualTo(2);
    }

    @Test
    void should_not_retry_a_permanent_refusal_and_count_a_throttle() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMinutes(1), 5, Duration.ofMinutes(1));
        SyncRun run = SyncRunTest.run();
        assertThat(policy.retryFetch(failed(new JackyunException("0858030801", "sign", false), run))).isFalse();
        assertThat(policy.retryFetch(failed(new JackyunException("HTTP_429", "slow down", true), run))).isTrue();
        assertThat(run.getCounts().getThrottled()).isEqualTo(1);
    }

    @Test
    void should_retry_a_transient_write_but_not_refused_data_nor_past_its_time() {
        SyncRun run = SyncRunTest.run();
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMinutes(1), 5, Duration.ofMinutes(1));
        assertThat(policy.retryWrite(failed(new TransientDataAccessResourceException("gone"), run))).isTrue();
        assertThat(policy.retryWrite(failed(new DataIntegrityViolationException("too long"), run))).isFalse();
        RetryPolicy noTime = new RetryPolicy(6, Duration.ofMinutes(1), 5, Duration.ZERO);
        assertThat(noTime.retryWrite(failed(new TransientDataAccessResourceException("gone"), run))).isFalse();
    }
}
