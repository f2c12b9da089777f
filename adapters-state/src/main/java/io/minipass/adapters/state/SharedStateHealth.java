package io.minipass.adapters.state;

/** How the store of shared state is doing, for the metrics: whether it answers, and how many commands it failed. */
public interface SharedStateHealth {
    /** State in this process's memory: always there, never failing. */
    SharedStateHealth IN_PROCESS = new SharedStateHealth() {
        @Override
        public boolean isReachable() {
            return true;
        }

        @Override
        public long failedCommands() {
            return 0;
        }
    };

    /** Whether the store can be asked now (for Redis: the command connection is open). */
    boolean isReachable();

    /** Commands that failed for want of the store since the start (each one a request answered with an error). */
    long failedCommands();
}
