package io.jackyunsync.cli;

import org.apache.camel.CamelContext;

/**
 * {@code --version}: the first line is {@code jackyun-sync <version>}, the Maven project version from the jar manifest's
 * {@code Implementation-Version} (written by the jar plugin); then the Camel and Java versions it runs on.
 */
public final class Version {

    /** Printed when the classes do not come from the packaged jar (an IDE, target/classes): no manifest tells. */
    static final String UNKNOWN = "unknown (not run from its jar)";

    private Version() {
    }

    public static String text() {
        return text(Version.class.getPackage().getImplementationVersion(), CamelContext.class.getPackage().getImplementationVersion(),
                System.getProperty("java.version"), System.getProperty("java.vendor"));
    }

    static String text(String version, String camel, String java, String vendor) {
        return "jackyun-sync " + (version == null ? UNKNOWN : version) + "\n"
                + "Apache Camel " + (camel == null ? "unknown" : camel) + "\n"
                + "Java " + java + " (" + vendor + ")";
    }

    /** Prints the version lines on stdout; exit status 0. */
    public static int print() {
        System.out.println(text());
        return 0;
    }
}
