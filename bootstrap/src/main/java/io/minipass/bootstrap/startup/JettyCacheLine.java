package io.minipass.bootstrap.startup;

/**
 * Tells Jetty how many object references share a cache line before its first queue is built. Left to find out
 * itself, Jetty asks the platform MBean server whether references are compressed, and creating that server
 * (every platform MBean registered) was about 80 ms of the main thread's start, for a padding size
 * (docs/design.md, ADR-23 and ADR-46). Told before the first Jetty server of the process, the management port's
 * included.
 */
public final class JettyCacheLine {
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
    static final String CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";
    /** The JVM compresses references by default below this heap size; above it a reference takes 8 bytes. */
    private static final long COMPRESSED_REFERENCES_BELOW = 32L << 30;

    private JettyCacheLine() {
    }

    /** Sets Jetty's property unless an operator set it or the cache line's width (then Jetty decides). */
    public static void tellJetty() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null && System.getProperty(CACHE_LINE_BYTES) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE,
                    String.valueOf(referencesPerCacheLine(Runtime.getRuntime().maxMemory())));
        }
    }

    /** Jetty's own rule on a 64-byte line: 16 compressed references, 8 full ones. */
    static int referencesPerCacheLine(long maxHeapBytes) {
        return maxHeapBytes < COMPRESSED_REFERENCES_BELOW ? 16 : 8;
    }
}
