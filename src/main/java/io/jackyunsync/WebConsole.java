package io.jackyunsync;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hawtio web console: hawtio-war in an embedded Jetty 12, with its Jolokia endpoint at /hawtio/jolokia, on
 * localhost only: it asks for no login and Jolokia can invoke any JMX operation. Started by {@code --console}.
 * (A separate Jolokia JVM agent in the same class path breaks the war's Jolokia: its server detectors are found
 * through the parent class loader and fail to cast, so the war's endpoint is the one served.)
 */
final class WebConsole extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(WebConsole.class);

    private final String host;
    private final int hawtioPort;
    private final Path war;
    private Server jetty;

    private WebConsole(String host, int hawtioPort, Path war) {
        this.host = host;
        this.hawtioPort = hawtioPort;
        this.war = war;
    }

    /** The console when console.hawtio.enabled is true, otherwise null; its options are checked like all others. */
    static WebConsole read(PropertiesComponent pc, java.util.List<String> problems) {
        SyncSettings.Reader r = new SyncSettings.Reader(pc, problems);
        boolean enabled = r.bool("console.hawtio.enabled", false);
        String host = r.optional("console.host").orElse("127.0.0.1");
        int hawtioPort = (int) r.number("console.hawtio.port", 8082, 0, 65535);
        Path war = Path.of(r.optional("console.hawtio.war").orElse("target/hawtio/hawtio.war"));
        if (!enabled) {
            return null;
        }
        if (!Files.isRegularFile(war)) {
            problems.add("console.hawtio.war (environment CONSOLE_HAWTIO_WAR) names no file: " + war.toAbsolutePath()
                    + " (the build copies it to target/hawtio/hawtio.war)");
        }
        return new WebConsole(host, hawtioPort, war);
    }

    @Override
    protected void doStart() throws Exception {
        // localhost only, so Hawtio's own login is off; its Jolokia reads the same platform MBean server
        System.setProperty("hawtio.authenticationEnabled", "false");
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(host);
        connector.setPort(hawtioPort);
        jetty.addConnector(connector);
        WebAppContext hawtio = new WebAppContext();
        hawtio.setContextPath("/hawtio");
        hawtio.setWar(war.toAbsolutePath().toString());
        hawtio.setThrowUnavailableOnStartupException(true);
        jetty.setHandler(hawtio);
        jetty.start();
        LOG.info("Hawtio console at {} (Jolokia at {}jolokia)", hawtioUrl(), hawtioUrl());
    }

    @Override
    protected void doStop() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
    }

    String hawtioUrl() {
        return "http://" + host + ":" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/hawtio/";
    }
}
