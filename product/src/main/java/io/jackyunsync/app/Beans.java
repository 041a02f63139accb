package io.jackyunsync.app;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;

/**
 * Binds an area's {@link BindToRegistry} methods through Camel's bean post processor, as Camel Main binds a configuration
 * class's methods: every bean name the routes use is one annotated method a reader can jump to.
 */
final class Beans {

    private Beans() {
    }

    static <T> T bind(CamelContext context, T area) throws Exception {
        String name = area.getClass().getSimpleName();
        PluginHelper.getBeanPostProcessor(context).postProcessBeforeInitialization(area,
                Character.toLowerCase(name.charAt(0)) + name.substring(1));
        return area;
    }
}
