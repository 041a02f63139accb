package io.jackyunsync.app;

import io.jackyunsync.config.ConsoleSettings;
import io.jackyunsync.console.ConsolePage;
import io.jackyunsync.console.WebConsole;
import org.apache.camel.CamelContext;

/** The status page's renderer, and the Hawtio console when --console (console.hawtio.enabled) asks for it. */
final class ConsoleWiring {

    private ConsoleWiring() {
    }

    static void bind(CamelContext context, ConsoleSettings console) throws Exception {
        context.getRegistry().bind("consolePage", new ConsolePage());
        if (console.hawtioEnabled()) {
            WebConsole webConsole = new WebConsole(console.host(), console.hawtioPort(), console.war());
            context.getRegistry().bind("webConsole", webConsole);
            context.addService(webConsole);
        }
    }
}
