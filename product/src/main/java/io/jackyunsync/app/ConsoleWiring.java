package io.jackyunsync.app;

import io.jackyunsync.config.ConsoleSettings;
import io.jackyunsync.console.ConsolePage;
import io.jackyunsync.console.WebConsole;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;

/** The status page's renderer, and the Hawtio console when --console (console.hawtio.enabled) asks for it. */
public final class ConsoleWiring {

    private ConsoleWiring() {
    }

    static void bind(CamelContext context, ConsoleSettings console) throws Exception {
        Beans.bind(context, new ConsoleWiring());
        if (console.hawtioEnabled()) {
            // a service of the context (started and stopped with it); no route names it
            context.addService(new WebConsole(console.host(), console.hawtioPort(), console.war()));
        }
    }

    @BindToRegistry("consolePage")
    public ConsolePage consolePage() {
        return new ConsolePage();
    }
}
