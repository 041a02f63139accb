package io.jackyunsync.app;

import io.jackyunsync.config.JackyunSettings;
import io.jackyunsync.jackyun.CallLimits;
import io.jackyunsync.jackyun.JackyunCall;
import io.jackyunsync.jackyun.Pacer;
import java.time.Clock;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;

/**
 * camel-http for every outgoing call, configured here once (its options come from the settings, which were checked at
 * start-up): one pool, the timeouts, no redirects, no cookies, no automatic retries (the routes' error handler retries),
 * the whole-call deadline and the body cap ({@link CallLimits}); and the beans on either side of the Jackyun call.
 */
public final class JackyunWiring {

    /** The pool's size: calls are paced, a few in flight at most (the alert webhook shares it). */
    static final int CONNECTIONS = 8;

    private final JackyunSettings settings;
    private final Pacer pacer;

    private JackyunWiring(CamelContext context, JackyunSettings settings) {
        this.settings = settings;
        this.pacer = new Pacer(settings.rateLimit());
        CallLimits limits = new CallLimits(settings.callDeadline(), settings.maxBodyBytes());
        for (String scheme : new String[]{"http", "https"}) {
            configure(context.getComponent(scheme, HttpComponent.class), settings, limits);
        }
    }

    /** Configures the http and https components (the gateway is https, the simulator http) and binds pacer and jackyunCall. */
    static Pacer bind(CamelContext context, JackyunSettings settings) throws Exception {
        return Beans.bind(context, new JackyunWiring(context, settings)).pacer;
    }

    @BindToRegistry("pacer")
    public Pacer pacer() {
        return pacer;
    }

    @BindToRegistry("jackyunCall")
    public JackyunCall jackyunCall() {
        return new JackyunCall(settings.appkey(), settings.secret(), settings.token(), settings.readTimeout(), Clock.systemUTC(), pacer,
                settings.quotaSubCodes());
    }

    static void configure(HttpComponent http, JackyunSettings settings, CallLimits limits) {
        http.setMaxTotalConnections(CONNECTIONS);
        http.setConnectionsPerRoute(CONNECTIONS);
        http.setConnectTimeout(10_000);
        http.setConnectionRequestTimeout(settings.readTimeout().toMillis());
        http.setSoTimeout(settings.readTimeout().toMillis());
        http.setResponseTimeout(settings.readTimeout().toMillis());
        http.setRedirectHandlingDisabled(true);
        http.setFollowRedirects(false);
        http.setCookieManagementDisabled(true);
        http.setAutomaticRetriesDisabled(true);
        http.setAuthCachingDisabled(true);
        http.setUseSystemProperties(false);
        // an announced body up to the cap is read into one array of its length (no growing buffer and copy): what
        // the projection reads its records from
        http.setResponsePayloadStreamingThreshold((int) Math.min(settings.maxBodyBytes(), Integer.MAX_VALUE - 8));
        http.setHttpClientConfigurer(limits);
    }
}
