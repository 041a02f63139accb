package io.jackyunsync.run;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;

/** Tells every listener of a finished run or reconciliation; one that fails is logged and the others still hear. */
public final class Listeners {

    private Listeners() {
    }

    public static <T> void tell(List<Consumer<T>> listeners, T event, Logger log, String what) {
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("{}: a listener failed: {}", what, e.getMessage());
            }
        }
    }
}
