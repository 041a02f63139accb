package io.jackyunsync.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jackyunsync.support.Interfaces;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks that the embedded MariaDB of --demo and the tests, which checks no password, listens on loopback only. */
class EmbeddedMariaDbTest {

    @Test
    void should_accept_connections_on_127_0_0_1_and_refuse_them_on_the_machines_other_addresses() throws Exception {
        Optional<InetAddress> outside = Interfaces.nonLoopback();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start()) {
            List<InetAddress> listening = Interfaces.listening(db.port());
            assumeTrue(outside.isPresent() || !listening.isEmpty(),
                    "no non-loopback address and no /proc/net/tcp: nothing to check the binding against");

            if (outside.isPresent()) {
                assertThat(Interfaces.accepts(outside.get(), db.port())).as("a connection to " + outside.get().getHostAddress()).isFalse();
            }
            assertThat(listening).as("what port " + db.port() + " listens on").allMatch(InetAddress::isLoopbackAddress);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(""), "root", "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT @@bind_address")) {
                rs.next();
                assertThat(rs.getString(1)).as("the server's own bind-address, read over 127.0.0.1").isEqualTo("127.0.0.1");
            }
        }
    }
}
