package io.jackyunsync.kit;

import io.jackyunsync.Application;
import io.jackyunsync.cli.CommandLine;
import io.jackyunsync.cli.LogFormat;
import io.jackyunsync.demo.Demo;
import io.jackyunsync.simulator.SimulatorMain;

/**
 * The repository build's entry point, target/jackyun-sync.jar: the product's command line, with the two modes the product
 * jar leaves out run here: {@code --demo} (embedded MariaDB and simulator) and {@code --simulator} (the gateway alone).
 */
public final class KitApplication {

    private KitApplication() {
    }

    public static void main(String[] args) {
        Application.utf8Streams();
        LogFormat.bridgeJavaUtilLogging();
        System.exit(Application.run(args, KitApplication::run));
    }

    static int run(CommandLine cli) throws Exception {
        return cli.mode() == CommandLine.Mode.DEMO ? Demo.run() : SimulatorMain.run(cli);
    }
}
