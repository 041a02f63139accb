package io.jackyunsync.console;

import java.net.URL;
import java.nio.file.Path;
import org.apache.camel.support.service.ServiceSupport;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hawtio web console: hawtio-war in an embedded Jetty 12, with its Jolokia endpoint at /hawtio/jolokia, on
 * localhost only, since it asks for no login: Jolokia follows console/jolokia-access.xml (reads, and only the
 * operations Hawtio's Camel views need, by POST from a loopback page), and {@link LoopbackOnly} refuses other Host
 * names and foreign Origins. Started by {@code --console}.
 * (A separate Jolokia JVM agent in the same class path breaks the war's Jolokia: its server detectors are found
 * through the parent class loader and fail to cast, so the war's endpoint is the one served.)
 */
public final class WebConsole extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(WebConsole.class);

    static final String POLICY = "/console/jolokia-access.xml";

    // Jolokia services of the war that reach beyond this JVM: the JSR-160 proxy (connects to any JMX URL a request
    // names), agent discovery by multicast, and notification listeners
    private static final String DISABLED_JOLOKIA_SERVICES = String.join(",", "org.jolokia.service.jsr160.Jsr160RequestHandler",
            "org.jolokia.service.discovery.JolokiaDiscovery", "org.jolokia.service.discovery.DiscoveryMulticastResponder",
            "org.jolokia.service.notif.pull.PullNotificationBackend", "org.jolokia.service.notif.sse.SseNotificationBackend");

    private final String host;
    private final int hawtioPort;
    private final Path war;
    private Server jetty;

    /** {@code host} must be a loopback name and {@code war} a file: ConsoleSettings checks both at start-up. */
    public WebConsole(String host, int hawtioPort, Path war) {
        this.host = host;
        this.hawtioPort = hawtioPort;
        this.war = war;
    }

    @Override
    protected void doStart() throws Exception {
        // localhost only, so Hawtio's own login is off; its Jolokia reads the same platform MBean server. Hawtio's
        // proxy (/hawtio/proxy, to other Jolokia agents) is off: it would call other local ports on a caller's behalf
        System.setProperty("hawtio.authenticationEnabled", "false");
        System.setProperty("hawtio.disableProxy", "true");
        URL policy = WebConsole.class.getResource(POLICY);
        if (policy == null) {
            throw new IllegalStateException("The Jolokia policy " + POLICY + " is missing from the class path");
        }
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(host);
        connector.setPort(hawtioPort);
        jetty.addConnector(connector);
        WebAppContext hawtio = new WebAppContext();
        hawtio.setContextPath("/hawtio");
        hawtio.setWar(war.toAbsolutePath().toString());
        hawtio.setThrowUnavailableOnStartupException(true);
        // the war's Jolokia servlet reads these context parameters over its own (and over jolokia.* system properties);
        // a policy it cannot parse stops the start, one it cannot open makes it refuse every request
        hawtio.setInitParameter("policyLocation", policy.toExternalForm());
        hawtio.setInitParameter("disabledServices", DISABLED_JOLOKIA_SERVICES);
        jetty.setHandler(new LoopbackOnly(hawtio));
        jetty.start();
        LOG.info("Hawtio console at {} (Jolokia at {}jolokia, policy {})", hawtioUrl(), hawtioUrl(), POLICY);
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
