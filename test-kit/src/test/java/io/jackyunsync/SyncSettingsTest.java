package io.jackyunsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.jackyunsync.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Start-up checks of the JDBC settings that decide the write speed. */
class SyncSettingsTest {

    @Test
    void should_refuse_a_url_that_turns_the_batch_rewrite_off() throws Exception {
        assertThat(problems("jdbc:mysql://db:3306/r?useSSL=false&rewriteBatchedStatements=false"))
                .anySatisfy(
                        p -> assertThat(p).startsWith("mysql.url (environment MYSQL_URL) is invalid: sets rewriteBatchedStatements=false"));
        assertThat(problems("jdbc:mysql://db:3306/r?rewriteBatchedStatements=true")).noneMatch(p -> p.startsWith("mysql.url"));
        assertThat(problems("jdbc:mysql://db:3306/r")).noneMatch(p -> p.startsWith("mysql.url"));
    }

    private static List<String> problems(String url) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Properties p = new Properties();
            p.put("mysql.url", url);
            context.getPropertiesComponent().setOverrideProperties(p);
            List<String> problems = new ArrayList<>();
            Settings.read(context.getPropertiesComponent(), problems);
            return problems;
        }
    }
}
