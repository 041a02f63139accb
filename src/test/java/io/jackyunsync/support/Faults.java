package io.jackyunsync.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The simulator's faults (SimulatorFaults' syntax, e.g. {@code "badEvery=40"}) for one test method of a {@link SyncMainTestSupport} class. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Faults {

    String value();
}
