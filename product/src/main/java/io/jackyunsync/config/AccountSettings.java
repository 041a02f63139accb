package io.jackyunsync.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One Jackyun account of the deployment (DESIGN.md, "Accounts"): its name, gateway, credentials (secret and token byte
 * for byte) and rate. Without jackyun.accounts (JACKYUN_ACCOUNTS) there is one, {@code default}, made of the classic
 * jackyun.appkey, .secret, .token, .gateway and .rate-limit-per-second; with it, each named account reads
 * jackyun.account.&lt;name&gt;.appkey, .secret, .token (JACKYUN_ACCOUNT_&lt;NAME&gt;_APPKEY, ...) and .gateway and
 * .rate-limit-per-second, which default to the classic ones.
 */
public record AccountSettings(String name, URI gateway, String appkey, String secret, String token, double rateLimit) {

    /** The account of a deployment configured without jackyun.accounts. */
    public static final String DEFAULT = "default";
    /** An account's name: what the tables' {@code account} column (VARCHAR(32)) and the metrics' label hold. */
    public static final String NAME = "[a-z0-9-]{1,32}";

    static List<AccountSettings> read(Reader r) {
        Optional<String> names = r.optional("jackyun.accounts");
        double rate = r.number("jackyun.rate-limit-per-second", 5, 1, 10_000);
        if (names.isEmpty()) {
            return List.of(new AccountSettings(DEFAULT, r.required("jackyun.gateway", Urls::gateway),
                    r.required("jackyun.appkey", Function.identity()), r.requiredSecret("jackyun.secret", Function.identity()),
                    r.secret("jackyun.token").orElse(""), rate));
        }
        URI fallbackGateway = r.optional("jackyun.gateway").map(g -> parse(r, "jackyun.gateway", g)).orElse(null);
        List<AccountSettings> accounts = new ArrayList<>();
        for (String name : names(r, names.get())) {
            String prefix = "jackyun.account." + name + ".";
            URI gateway = r.optional(prefix + "gateway").map(g -> parse(r, prefix + "gateway", g)).orElse(fallbackGateway);
            if (gateway == null) {
                r.problems().add(prefix + "gateway (environment " + Reader.env(prefix + "gateway") + ") is required: neither it"
                        + " nor jackyun.gateway is set");
            }
            accounts.add(new AccountSettings(name, gateway, r.required(prefix + "appkey", Function.identity()),
                    r.requiredSecret(prefix + "secret", Function.identity()), r.secret(prefix + "token").orElse(""),
                    r.optional(prefix + "rate-limit-per-second").isPresent()
                            ? r.number(prefix + "rate-limit-per-second", 5, 1, 10_000)
                            : rate));
        }
        Set<String> appkeys = new LinkedHashSet<>();
        for (AccountSettings a : accounts) {
            if (a.appkey() != null && !appkeys.add(a.appkey())) {
                r.problems().add("jackyun.account." + a.name() + ".appkey (environment " + Reader.env("jackyun.account." + a.name()
                        + ".appkey") + ") is the app key of another account: an app key's rate and quota are one, so it is one account");
            }
        }
        return List.copyOf(accounts);
    }

    /** jackyun.accounts: a comma list of distinct names ([a-z0-9-], at most 32 each). */
    private static Set<String> names(Reader r, String list) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : list.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.matches(NAME)) {
                r.problems().add("jackyun.accounts (environment JACKYUN_ACCOUNTS) must be a comma list of account names of"
                        + " [a-z0-9-], at most 32 each (got '" + name + "')");
            } else if (!names.add(name)) {
                r.problems().add("jackyun.accounts (environment JACKYUN_ACCOUNTS) names the account '" + name + "' twice");
            }
        }
        if (names.isEmpty()) {
            r.problems().add("jackyun.accounts (environment JACKYUN_ACCOUNTS) is set but names no account");
        }
        return names;
    }

    private static URI parse(Reader r, String key, String value) {
        try {
            return Urls.gateway(value);
        } catch (IllegalArgumentException e) {
            r.problems().add(key + " (environment " + Reader.env(key) + ") is invalid: " + e.getMessage());
            return null;
        }
    }

    @Override
    public String toString() {
        return "AccountSettings[name=" + name + ", gateway=" + gateway + ", appkey=" + appkey + ", secret=" + Reader.mask(secret)
                + ", token=" + Reader.mask(token) + ", rateLimit=" + rateLimit + "]";
    }
}
