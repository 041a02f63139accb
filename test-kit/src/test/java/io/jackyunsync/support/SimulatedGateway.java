package io.jackyunsync.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The simulator one test method of a {@link SyncMainTestSupport} class gets: how many warehouses it shows, and its faults. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SimulatedGateway {

    /** Visible warehouses (hidden ones come on top). */
    int visible() default SyncMainTestSupport.VISIBLE;

    /** SimulatorFaults' syntax, e.g. {@code "badEvery=40"} or {@code "5xx=0.1,seed=3"}. */
    String faults() default "";
}
