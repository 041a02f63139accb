package io.jackyunsync.console;

import io.jackyunsync.config.ConsoleSettings;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through to the Hawtio console only when it names this machine: a loopback Host (so a DNS-rebound
 * name is refused) and, when the request has an Origin, exactly that host and port (so no other page, not even one
 * served on another local port, can call it); anything else is answered 403.
 */
final class LoopbackOnly extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackOnly.class);

    /** The host names a console without a login may be bound to and called by. */
    static final List<String> NAMES = ConsoleSettings.LOOPBACK_NAMES;

    LoopbackOnly(Handler handler) {
        super(handler);
    }

    static boolean isLoopback(String host) {
        return ConsoleSettings.isLoopback(host);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String host = request.getHttpURI().getHost();
        String authority = request.getHeaders().get(HttpHeader.HOST);
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (!isLoopback(host) || origin != null && (authority == null || !origin.equalsIgnoreCase("http://" + authority))) {
            LOG.warn("Refused a console request for host {} from origin {}: the console answers only pages of this machine",
                    host, origin);
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "Forbidden");
            return true;
        }
        return super.handle(request, response, callback);
    }
}
