package io.jackyunsync.run;

import java.io.IOException;
import java.net.InetAddress;

/** This process's name among the instances sharing a database: host and process id, as sync_run and Quartz show it. */
public final class Instance {

    public static final String NAME = host() + "-" + ProcessHandle.current().pid();

    private Instance() {
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
