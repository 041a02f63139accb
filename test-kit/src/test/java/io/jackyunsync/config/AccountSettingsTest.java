package io.jackyunsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** JACKYUN_ACCOUNTS and each account's keys, checked at start-up: every problem named, none of the secrets shown. */
class AccountSettingsTest {

    @Test
    void should_read_each_account_with_the_classic_gateway_and_rate_as_its_defaults() throws Exception {
        List<String> problems = new ArrayList<>();
        JackyunSettings s = read(Map.of("jackyun.accounts", "hq, south-china", "jackyun.gateway", "https://gw.example/open/openapi/do",
                "jackyun.rate-limit-per-second", "7", "jackyun.account.hq.appkey", "1", "jackyun.account.hq.secret", "s1",
                "jackyun.account.south-china.appkey", "2", "jackyun.account.south-china.secret", "s2",
                "jackyun.account.south-china.gateway", "https://other.example/open/openapi/do",
                "jackyun.account.south-china.rate-limit-per-second", "2"), problems);

        assertThat(problems).isEmpty();
        assertThat(s.accountNames()).containsExactly("hq", "south-china");
        assertThat(s.accounts().get(0).gateway()).hasToString("https://gw.example/open/openapi/do");
        assertThat(s.accounts().get(0).rateLimit()).isEqualTo(7);
        assertThat(s.accounts().get(1).gateway()).hasToString("https://other.example/open/openapi/do");
        assertThat(s.accounts().get(1).rateLimit()).isEqualTo(2);
        assertThat(s.accounts().toString()).doesNotContain("s1", "s2");
    }

    @Test
    void should_make_the_classic_keys_the_account_default_without_jackyun_accounts() throws Exception {
        List<String> problems = new ArrayList<>();
        JackyunSettings s = read(
                Map.of("jackyun.gateway", "https://gw.example/open/openapi/do", "jackyun.appkey", "1", "jackyun.secret", "s1"), problems);

        assertThat(problems).isEmpty();
        assertThat(s.accountNames()).containsExactly("default");
    }

    @Test
    void should_name_a_bad_name_a_repeated_one_a_missing_secret_and_an_app_key_of_two_accounts() throws Exception {
        List<String> problems = new ArrayList<>();
        read(Map.of("jackyun.accounts", "hq,HQ!,hq,east,west", "jackyun.account.hq.appkey", "1", "jackyun.account.hq.secret", "s1",
                "jackyun.account.east.appkey", "2", "jackyun.account.west.appkey", "1", "jackyun.account.west.secret", "s3"), problems);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("jackyun.accounts", "got 'HQ!'"))
                .anySatisfy(p -> assertThat(p).contains("names the account 'hq' twice"))
                .anySatisfy(
                        p -> assertThat(p).startsWith("jackyun.account.east.secret (environment JACKYUN_ACCOUNT_EAST_SECRET) is required"))
                .anySatisfy(
                        p -> assertThat(p).startsWith("jackyun.account.west.appkey (environment JACKYUN_ACCOUNT_WEST_APPKEY) is the app key"
                                + " of another account"));
        assertThat(String.join("\n", problems)).doesNotContain("s1", "s3");
    }

    private static JackyunSettings read(Map<String, String> settings, List<String> problems) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Properties p = new Properties();
            p.putAll(settings);
            context.getPropertiesComponent().setOverrideProperties(p);
            return JackyunSettings.read(new Reader(context.getPropertiesComponent(), problems));
        }
    }
}
