package io.jackyunsync.sync;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The idCheck memory: every key seen, unbounded (an LRU could forget an id and let a duplicate through).
 * Keys carry the run id, and a finished run's keys are dropped by {@link #forgetRun}.
 */
public final class RunIdRepository extends ServiceSupport implements IdempotentRepository {

    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    @Override
    public boolean add(String key) {
        return keys.add(key);
    }

    @Override
    public boolean contains(String key) {
        return keys.contains(key);
    }

    @Override
    public boolean remove(String key) {
        return keys.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        keys.clear();
    }

    public void forgetRun(SyncRun run) {
        String prefix = run.getId() + "/" + run.getScheme() + "/";
        keys.removeIf(k -> k.startsWith(prefix));
    }
}
