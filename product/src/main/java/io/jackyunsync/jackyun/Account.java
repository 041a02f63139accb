package io.jackyunsync.jackyun;

import java.net.URI;

/**
 * One app key the calls are signed with: its account's name, gateway (null: the call route's own endpoint), key,
 * secret, token and pacer (the rate limit is per app key). Its toString shows no secret.
 */
public record Account(String name, URI gateway, String appkey, String secret, String token, Pacer pacer) {

    public Account {
        token = token == null ? "" : token;
    }

    @Override
    public String toString() {
        return "Account[" + name + ", " + gateway + ", appkey " + appkey + "]";
    }
}
