package io.jackyunsync.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port nothing listens on, for a server started a moment later (the embedded MariaDB, an app the test boots). Any
 * free port the system hands out (port 0) can be handed to another process in the seconds before the server binds it,
 * and with three test forks on a loaded machine it was, three times in one day (the server then failed to start, or a
 * test scraped another fork's app). Under the build (the system property {@code jackyun.test.fork}, Surefire's and
 * Failsafe's fork number) each fork takes its ports from a range of its own below the system's ephemeral range (from
 * 32768 on Linux), which no other fork and no port-0 socket ever gets.
 */
public final class FreePorts {

    static final int FIRST = 20_000;
    static final int PER_FORK = 2_000;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private FreePorts() {
    }

    public static int next() throws IOException {
        Integer fork = Integer.getInteger("jackyun.test.fork");
        if (fork == null || fork < 1 || fork > 5) {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
        for (int tried = 0; tried < PER_FORK; tried++) {
            int port = FIRST + (fork - 1) * PER_FORK + Math.floorMod(NEXT.getAndIncrement(), PER_FORK);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // in use (a server of this fork's, or another program's): the next one
            }
        }
        throw new IOException("no free port in fork " + fork + "'s range " + (FIRST + (fork - 1) * PER_FORK) + "+" + PER_FORK);
    }
}
