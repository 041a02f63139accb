package io.jackyunsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jackyunsync.cli.CommandLine;
import io.jackyunsync.jackyun.JackyunEnvelope;
import io.jackyunsync.jackyun.JackyunException;
import io.jackyunsync.support.GatewayClient;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One simulated gateway for several accounts: each app key its own secret, data and quota. */
class AccountsGatewayTest {

    private static final String PAGE = "{\"pageIndex\":0,\"pageSize\":200}";

    @Test
    void should_answer_each_app_key_with_its_own_accounts_data_and_refuse_an_unknown_key_or_a_wrong_secret() throws Exception {
        Clock clock = Clock.systemUTC();
        JackyunSimulator hq = new JackyunSimulator("1001", "hq-secret", new WarehouseDataSet(7, 40, clock), clock);
        JackyunSimulator south = new JackyunSimulator("1002", "south-secret", new WarehouseDataSet(7, 15, clock), clock).quotaPerDay(1,
                null);
        Map<String, JackyunSimulator> accounts = new LinkedHashMap<>();
        accounts.put("1001", hq);
        accounts.put("1002", south);
        try (AccountsGateway gateway = new AccountsGateway(accounts).start("127.0.0.1", 0)) {
            JackyunEnvelope hqPage = new GatewayClient(gateway.url(), "1001", "hq-secret", clock).call("erp.warehouse.get", PAGE);
            JackyunEnvelope southPage = new GatewayClient(gateway.url(), "1002", "south-secret", clock).call("erp.warehouse.get", PAGE);

            assertThat(hqPage.data().get("warehouseInfo")).hasSize(visible(hq));
            assertThat(southPage.data().get("warehouseInfo")).hasSize(visible(south));
            assertThat(visible(hq)).isNotEqualTo(visible(south));
            assertThat(hq.calls()).isEqualTo(1);
            assertThat(south.calls()).isEqualTo(1);
            // the same seed: the smaller account's warehouses have the larger one's first ids
            assertThat(southPage.data().get("warehouseInfo").get(0).get("warehouseId"))
                    .isEqualTo(hqPage.data().get("warehouseInfo").get(0).get("warehouseId"));

            assertThatThrownBy(() -> new GatewayClient(gateway.url(), "1002", "hq-secret", clock).call("erp.warehouse.get", PAGE))
                    .isInstanceOf(JackyunException.class).hasMessageContaining("签名验证失败");
            assertThatThrownBy(() -> new GatewayClient(gateway.url(), "9999", "hq-secret", clock).call("erp.warehouse.get", PAGE))
                    .isInstanceOf(JackyunException.class).hasMessageContaining("appkey不存在");
            // each account's quota is its own: south's one call of the day is spent, hq's are not
            assertThatThrownBy(() -> new GatewayClient(gateway.url(), "1002", "south-secret", clock).call("erp.warehouse.get", PAGE))
                    .isInstanceOf(JackyunException.class).hasMessageContaining("额度不足");
            assertThat(new GatewayClient(gateway.url(), "1001", "hq-secret", clock).call("erp.warehouse.get", PAGE).data()).isNotNull();
        }
    }

    @Test
    void should_take_the_accounts_from_the_command_line_and_their_keys_from_the_environment() throws Exception {
        CommandLine cli = CommandLine.parse(new String[]{"--simulator", "--accounts", "hq:300,south-china:20", "--port", "0"});
        assertThat(cli.simulatorAccounts()).isEqualTo("hq:300,south-china:20");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--simulator", "--accounts", "HQ:x"}))
                .hasMessageContaining("--accounts needs NAME:WAREHOUSES");
        assertThatThrownBy(() -> CommandLine.parse(new String[]{"--once", "--accounts", "hq:3"}))
                .hasMessageContaining("go with --simulator");
        // a name without its key and secret in the environment: exit 2 before anything is served
        assertThat(SimulatorMain.accounts(cli, Map.of("JACKYUN_ACCOUNT_HQ_APPKEY", "1", "JACKYUN_ACCOUNT_HQ_SECRET", "s"))).isEqualTo(2);
    }

    private static int visible(JackyunSimulator simulator) {
        return (int) Arrays.stream(simulator.data().snapshot()).filter(SimWarehouse::visibleByDefault).count();
    }
}
