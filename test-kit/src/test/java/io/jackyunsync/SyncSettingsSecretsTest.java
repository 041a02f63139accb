package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.config.Settings;
import io.jackyunsync.config.TargetUrl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that secrets and URLs in the settings reach their users byte for byte and that no problem shows them. */
class SyncSettingsSecretsTest {

    @TempDir
    Path tmp;

    record Read(Settings settings, List<String> problems) {
    }

    /** The settings read from override properties and, when given, a properties file (as Camel Main loads them). */
    private static Read read(Map<String, String> overrides, Path file) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            if (file != null) {
                context.getPropertiesComponent().setLocation("file:" + file);
            }
            context.start();
            Properties p = new Properties();
            p.putAll(Map.of("jackyun.gateway", "https://open.jackyun.com/open/openapi/do", "jackyun.appkey", "1", "jackyun.secret", "s",
                    "mysql.url", "jdbc:mysql://db:3306/r", "mysql.user", "u"));
            p.putAll(overrides);
            context.getPropertiesComponent().setOverrideProperties(p);
            List<String> problems = new ArrayList<>();
            return new Read(Settings.read(context.getPropertiesComponent(), problems), problems);
        }
    }

    @Test
    void should_say_a_webhook_url_is_not_a_url_without_showing_its_token() throws Exception {
        Read r = read(Map.of("alert.webhook-url", "https://oapi.dingtalk.com/robot/send?access_token=t0ken-never-shown 42"), null);

        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("alert.webhook-url (environment ALERT_WEBHOOK_URL) is invalid: not a valid URL")
                .doesNotContain("t0ken-never-shown").doesNotContain("dingtalk"));
    }

    @Test
    void should_pass_secrets_holding_braces_and_backslashes_unchanged() throws Exception {
        // each would be taken for a placeholder ({{...}}), or lose a backslash, by a resolved lookup
        Map<String, String> secrets = Map.of("jackyun.secret", "ab{{cd}}ef", "jackyun.token", "to\\{{ken",
                "mysql.password", "p{{w}}d\\", "alert.dingtalk-secret", "SEC{{unclosed",
                "mysql.url", "jdbc:mysql://db:3306/r?password=x{{y}}z");
        Read r = read(secrets, null);

        assertThat(r.problems()).isEmpty();
        assertThat(r.settings().jackyun().accounts().get(0).secret()).isEqualTo("ab{{cd}}ef");
        assertThat(r.settings().jackyun().accounts().get(0).token()).isEqualTo("to\\{{ken");
        assertThat(r.settings().database().password()).isEqualTo("p{{w}}d\\");
        assertThat(r.settings().alerts().signingSecret()).isEqualTo("SEC{{unclosed");
        assertThat(r.settings().database().url()).isEqualTo("jdbc:mysql://db:3306/r?password=x{{y}}z");
    }

    @Test
    void should_show_no_secret_in_the_settings_text() throws Exception {
        Map<String, String> secrets = Map.of("jackyun.secret", "sec-never-shown", "jackyun.token", "tok-never-shown",
                "mysql.password", "pw-never-shown", "alert.dingtalk-secret", "ding-never-shown",
                "alert.webhook-url", "https://oapi.dingtalk.com/robot/send?access_token=hook-never-shown",
                "mysql.url", "jdbc:mysql://sync:url-pw-never-shown@db:3306/r?password=url-pw2-never-shown");
        Read r = read(secrets, null);

        assertThat(r.problems()).isEmpty();
        assertThat(r.settings().toString()).doesNotContain("never-shown", "access_token")
                .contains("secret=(set)", "token=(set)", "password=(set)", "signingSecret=(set)", "webhook=(set)", "url=mysql://db:3306/r");
    }

    @Test
    void should_read_a_password_with_braces_from_the_properties_file_unchanged() throws Exception {
        Path file = tmp.resolve("application.properties");
        // in the file format a backslash is written twice
        Files.writeString(file,
                "mysql.password = p{{w}}d\\\\\nalert.webhook-url = https://oapi.dingtalk.com/robot/send?access_token=a\\\\{{b\n",
                StandardCharsets.ISO_8859_1);

        Read r = read(Map.of(), file);

        assertThat(r.settings().database().password()).isEqualTo("p{{w}}d\\");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("alert.webhook-url (environment ALERT_WEBHOOK_URL) is invalid: not a valid URL")
                .doesNotContain("access_token"));
    }

    @Test
    void should_refuse_a_driver_prefix_the_app_does_not_use_and_a_url_without_database() throws Exception {
        assertThat(read(Map.of("mysql.url", "jdbc:mariadb://db:3306/r"), null).problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("mysql.url (environment MYSQL_URL) is invalid: starts with jdbc:mariadb:, a driver this app does not ship"));
        assertThat(read(Map.of("mysql.url", "jdbc:mysql://db:3306/"), null).problems()).singleElement().satisfies(p -> assertThat(p)
                .isEqualTo("mysql.url (environment MYSQL_URL) is invalid: names no database: write jdbc:mysql://host:port/database"));
        assertThat(read(Map.of("mysql.url", "jdbc:mysql://sync:pw-hidden@db:port/r"), null).problems()).singleElement()
                .satisfies(p -> assertThat(p).contains("not a URL MySQL Connector/J can read").doesNotContain("pw-hidden"));
    }

    @Test
    void should_show_the_target_as_host_port_and_database_only() {
        assertThat(TargetUrl.display("jdbc:mysql://sync:pw1@db.example:3307/rec?password=pw2&useSSL=false"))
                .isEqualTo("mysql://db.example:3307/rec");
        assertThat(TargetUrl.display("jdbc:mysql://(host=db2,port=3309,password=pw3)/rec")).isEqualTo("mysql://db2:3309/rec");
        assertThat(TargetUrl.display("jdbc:mysql://address=(host=db3)(password=pw4)/rec")).isEqualTo("mysql://db3:3306/rec");
        assertThat(TargetUrl.display("jdbc:mysql://h1:1,h2:2/rec")).isEqualTo("mysql://h1:1/rec (and 1 more host)");
    }
}
