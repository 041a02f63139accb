package io.jackyunsync.app;

import io.jackyunsync.config.AccountSettings;
import io.jackyunsync.config.JackyunSettings;
import io.jackyunsync.jackyun.Account;
import io.jackyunsync.jackyun.CallLimits;
import io.jackyunsync.jackyun.JackyunCall;
import io.jackyunsync.jackyun.Pacer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final List<Account> accounts = new ArrayList<>();

    private JackyunWiring(CamelContext context, JackyunSettings settings) {
        this.settings = settings;
        for (AccountSettings a : settings.accounts()) {
            accounts.add(new Account(a.name(), a.gateway(), a.appkey(), a.secret(), a.token(), new Pacer(a.rateLimit())));
        }
        CallLimits limits = new CallLimits(settings.callDeadline(), settings.maxBodyBytes());
        for (String scheme : new String[]{"http", "https"}) {
            configure(context.getComponent(scheme, HttpComponent.class), settings, limits);
        }
    }

    /**
     * Configures the http and https components (the gateway is https, the simulator http) and binds jackyunCall; the
     * accounts' pacers (one per app key) come back for the cluster's rate share.
     */
    static Map<String, Pacer> bind(CamelContext context, JackyunSettings settings) throws Exception {
        Map<String, Pacer> pacers = new LinkedHashMap<>();
        Beans.bind(context, new JackyunWiring(context, settings)).accounts.forEach(a -> pacers.put(a.name(), a.pacer()));
        return pacers;
    }

    @BindToRegistry("jackyunCall")
    public JackyunCall jackyunCall() {
        return new JackyunCall(accounts, settings.readTimeout(), Clock.systemUTC(), settings.quotaSubCodes());
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
