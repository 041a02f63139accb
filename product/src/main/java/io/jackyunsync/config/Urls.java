package io.jackyunsync.config;

import java.net.URI;
import java.net.URISyntaxException;

/** The checks of an http(s) URL option that never quote the value (a webhook carries its robot's token). */
final class Urls {

    private Urls() {
    }

    static URI http(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            // the exception's message quotes the value (a webhook's token): only its reason and position are kept
            throw new IllegalArgumentException("not a valid URL (" + e.getReason()
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "") + "); the value is not shown");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an http(s) URL");
        }
        return uri;
    }

    /**
     * The gateway's address: an http(s) URL without a user, password, query or fragment. It becomes a camel-http endpoint,
     * whose URI Camel lists (JMX, Hawtio), and the app key, secret and token travel in the signed form, never in the URL.
     */
    static URI gateway(String text) {
        URI uri = http(text);
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must be the gateway's address only, such as https://open.jackyun.com/open/openapi/do:"
                    + " no user, password, query or fragment (it would be listed as an endpoint; the credentials go in"
                    + " jackyun.appkey, jackyun.secret and jackyun.token); the value is not shown");
        }
        return uri;
    }
}
