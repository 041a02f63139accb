package io.jackyunsync.config;

import java.net.URI;

/** The checks of an http(s) URL option that never quote the value (a webhook carries its robot's token). */
final class Urls {

    private Urls() {
    }

    static URI http(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (java.net.URISyntaxException e) {
            // the exception's message quotes the value (a webhook's token): only its reason and position are kept
            throw new IllegalArgumentException("not a valid URL (" + e.getReason()
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "") + "); the value is not shown");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an http(s) URL");
        }
        return uri;
    }
}
