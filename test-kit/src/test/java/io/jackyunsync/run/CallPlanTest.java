package io.jackyunsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.scheme.Scheme;
import org.junit.jupiter.api.Test;

/** A schedule priced in calls: its fires in a Beijing day times the least calls of a run, against the daily budget. */
class CallPlanTest {

    @Test
    void should_count_the_fires_of_a_cron_in_a_beijing_day() {
        assertThat(CallPlan.firesPerDay("0 0/10 * * * ?")).isEqualTo(144);
        assertThat(CallPlan.firesPerDay("0 15 * * * ?")).isEqualTo(24);
        assertThat(CallPlan.firesPerDay("0 0/5 * * * ?")).isEqualTo(288);
        assertThat(CallPlan.firesPerDay("0 30 2 * * ?")).isEqualTo(1);
        assertThat(CallPlan.firesPerDay("0 0 0 * * ?")).as("midnight itself counts").isEqualTo(1);
        assertThat(CallPlan.firesPerDay("* * * * * ?")).isEqualTo(86_400);
    }

    @Test
    void should_warn_when_the_schedule_alone_passes_the_daily_budget() {
        // two stores read every 5 minutes: 576 calls a day with nothing new
        CallPlan twoStores = new CallPlan("trade", "oms.trade.fullinfoget", "0 0/5 * * * ?", 288, 2, new Scheme.Quota(500, null));
        CallPlan hourly = new CallPlan("goods", "erp.storage.goodslist", "0 15 * * * ?", 24, 1, new Scheme.Quota(1000, 30000));
        CallPlan free = new CallPlan("warehouse", "erp.warehouse.get", "0 0/10 * * * ?", 144, 1, Scheme.Quota.NONE);

        assertThat(twoStores.leastCallsPerDay()).isEqualTo(576);
        assertThat(twoStores.passesBudget()).isTrue();
        assertThat(twoStores.describe()).contains("fires 288 times a Beijing day", "at least 576 calls of oms.trade.fullinfoget",
                "more than its budget of 500 a day", "sync.trade.cron");
        assertThat(hourly.passesBudget()).isFalse();
        assertThat(hourly.describe()).contains("at least 24 calls", "of its budget of 1000 a day (2 %)");
        assertThat(free.passesBudget()).isFalse();
        assertThat(free.describe()).contains("no daily budget");
    }
}
