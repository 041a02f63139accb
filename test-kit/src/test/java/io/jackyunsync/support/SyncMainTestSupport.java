package io.jackyunsync.support;

import io.jackyunsync.app.SyncApp;
import io.jackyunsync.simulator.JackyunSimulator;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The app booted in-process for each test by camel-test-main-junit5: the real routes/ and schemes/, a database of the
 * test's own on the test server, a started simulator. The kit's base class rather than its {@code @CamelMainTest}
 * annotation: the database and the simulator's port are known only when the test starts, and the annotation takes
 * constant properties only.
 */
public abstract class SyncMainTestSupport extends CamelMainTestSupport {

    /** The warehouses the default simulator shows. */
    public static final int VISIBLE = 1234;

    protected TestDatabase db;
    protected JackyunSimulator simulator;
    /** The app's operations (run, status, replay, reconcile) on the kit's context. */
    protected SyncApp app;

    private Method testMethod;

    @RegisterExtension
    final BeforeEachCallback currentMethod = extension -> testMethod = extension.getRequiredTestMethod();

    /** The simulator of the test: {@link #seed()}'s warehouses, as many and with the faults the method's {@link SimulatedGateway} says. */
    protected JackyunSimulator startSimulator() throws Exception {
        SimulatedGateway gateway = testMethod == null ? null : testMethod.getAnnotation(SimulatedGateway.class);
        return gateway == null ? Simulators.start(seed(), VISIBLE, "") : Simulators.start(seed(), gateway.visible(), gateway.faults());
    }

    /** The seed of the simulator's data set. */
    protected long seed() {
        return 2024;
    }

    /** Where the app calls the open API: the simulator unless a test puts something in between. */
    protected URI gateway() throws Exception {
        return simulator.url();
    }

    /**
     * The class's settings over {@link AppOverrides}; a method's {@link AppSettings} come after. Called once the database
     * and the simulator are up and before the app boots, so it may also prepare what the app finds when it starts.
     */
    protected void settings(Map<String, String> settings) throws Exception {
    }

    @Override
    protected void doPreSetup() throws Exception {
        db = TestDatabase.create();
        simulator = startSimulator();
        Map<String, String> settings = AppOverrides.of(db, gateway());
        settings(settings);
        AppSettings own = testMethod == null ? null : testMethod.getAnnotation(AppSettings.class);
        if (own != null) {
            for (String setting : own.value()) {
                int eq = setting.indexOf('=');
                settings.put(setting.substring(0, eq), setting.substring(eq + 1));
            }
        }
        Properties overrides = new Properties();
        overrides.putAll(settings);
        camelContextConfiguration().withUseOverridePropertiesWithPropertiesComponent(overrides);
    }

    /** JMX on, as Camel Main has it: the console's route statistics come from the management beans. */
    @Override
    public void configureTest(TestExecutionConfiguration test) {
        super.configureTest(test);
        test.withJMX(true);
    }

    @Override
    protected String getPropertyPlaceholderLocations() { return SyncApp.propertyLocations(); }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        SyncApp.configure(configuration);
    }

    @Override
    protected void doPostSetup() throws Exception {
        app = SyncApp.of(context);
    }

    @Override
    protected void doPostTearDown() throws Exception {
        if (simulator != null) {
            simulator.close();
        }
    }
}
