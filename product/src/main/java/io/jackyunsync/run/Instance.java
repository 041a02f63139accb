package io.jackyunsync.run;

/** This process's name among the instances sharing a database: host and process id, as sync_run and Quartz show it. */
public final class Instance {

    public static final String NAME = host() + "-" + ProcessHandle.current().pid();

    private Instance() {
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
