package io.minipass.bootstrap.cli;

import java.io.PrintWriter;

/** The lines {@code minipass check} prints: one a thing checked, its verdict, and what was found. */
final class CheckReport {
    private final PrintWriter out;

    CheckReport(PrintWriter out) {
        this.out = out;
    }

    void line(String what, boolean ok, String detail) {
        out.printf("%-4s %-18s %s%n", ok ? "OK" : "FAIL", what, detail);
    }

    void info(String what, String detail) {
        out.printf("%-4s %-18s %s%n", "-", what, detail);
    }

    /** Not wrong (the operator asked for it), but dangerous: the exit code stays 0. */
    void warn(String what, String detail) {
        out.printf("%-4s %-18s %s%n", "WARN", what, detail);
    }

    void flush() {
        out.flush();
    }
}
