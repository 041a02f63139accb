package io.jackyunsync.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One simulated gateway for several Jackyun accounts (--simulator --accounts): each app key its own simulator (its
 * secret, data, quotas and faults), one address. A call goes to the simulator of its form's {@code appkey}, which checks
 * the signature with that account's secret; an app key no account has is refused as the gateway refuses it.
 */
public final class AccountsGateway implements AutoCloseable {

    private final Map<String, JackyunSimulator> byAppkey;
    private HttpServer server;

    /** {@code byAppkey}: each account's simulator, not started (this gateway serves them). */
    public AccountsGateway(Map<String, JackyunSimulator> byAppkey) {
        this.byAppkey = new LinkedHashMap<>(byAppkey);
    }

    public AccountsGateway start(String host, int port) throws IOException {
        server = HttpServing.serve(host, port, this::handle);
        return this;
    }

    public URI url() {
        return HttpServing.url(server);
    }

    @Override
    public void close() {
        HttpServing.stop(server);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String appkey = SignedRequest.parseForm(new String(body, StandardCharsets.UTF_8)).get("appkey");
        JackyunSimulator account = appkey == null ? null : byAppkey.get(appkey);
        if (account == null) {
            try (exchange) {
                Envelopes.respond(exchange, 200, Envelopes.errorBytes("0858030802", "[0858030802]appkey不存在"));
            }
            return;
        }
        // the account's simulator reads the body again, as if it had come to it
        exchange.setStreams(new ByteArrayInputStream(body), null);
        account.handle(exchange);
    }
}
