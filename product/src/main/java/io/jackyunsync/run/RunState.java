package io.jackyunsync.run;

/** How a run stands or ended. PARTIAL: rows landed but some were dead-lettered, so the checkpoint stayed. */
public enum RunState {
    RUNNING, SUCCEEDED, PARTIAL, FAILED
}
