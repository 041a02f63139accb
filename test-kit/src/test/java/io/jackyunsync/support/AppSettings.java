package io.jackyunsync.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Settings ({@code "key=value"}) one test method of a {@link SyncMainTestSupport} class adds over the class's. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AppSettings {

    String[] value();
}
