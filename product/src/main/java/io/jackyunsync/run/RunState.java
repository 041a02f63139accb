package io.jackyunsync.run;

/**
 * How a run stands or ended. PARTIAL: rows landed but some were dead-lettered, so the checkpoint stayed. QUOTA: the
 * method's call budget (or the gateway's quota) was spent before the run was complete; the checkpoint stays at what was.
 */
public enum RunState {
    RUNNING, SUCCEEDED, PARTIAL, FAILED, QUOTA
}
