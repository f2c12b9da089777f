package io.minipass.bootstrap.corpus;

/**
 * One generated request and what the service must do with it. {@code name} says how the grammar built it, so a
 * failure names the case; {@link RawHttp.Request#describe()} shows it byte for byte for a replay.
 */
record CorpusCase(int number, String kind, String route, String name, RawHttp.Request request, Expect expect) {

    /** What a case may do to the database and how it must answer. */
    enum Outcome {
        /** A valid login: code 0; rows may be added or changed (the case says so by being one). */
        LOGIN,
        /** Code 0 and nothing written: a token read, a probe, OPTIONS. */
        READ,
        /** Code other than 0 (the code and the message's start when the case names them) and nothing written. */
        REFUSED,
        /** Any code, nothing written: corners the documents leave open (e.g. paths Jetty may refuse itself). */
        NO_WRITE,
        /** HEAD: HTTP 200 with the envelope's Content-Type, no body, nothing written. */
        BODYLESS
    }

    /** {@code code} and {@code msgStart} null when the case does not name them. */
    record Expect(Outcome outcome, Integer code, String msgStart) {
        static Expect login() {
            return new Expect(Outcome.LOGIN, 0, null);
        }

        static Expect read() {
            return new Expect(Outcome.READ, 0, null);
        }

        static Expect refused(Integer code, String msgStart) {
            return new Expect(Outcome.REFUSED, code, msgStart);
        }

        static Expect noWrite() {
            return new Expect(Outcome.NO_WRITE, null, null);
        }

        static Expect bodyless() {
            return new Expect(Outcome.BODYLESS, null, null);
        }

        boolean mayWrite() {
            return outcome == Outcome.LOGIN;
        }

        @Override
        public String toString() {
            return outcome + (code == null ? "" : " " + code) + (msgStart == null ? "" : " " + msgStart + "…");
        }
    }

    String label() {
        return "#" + number + " [" + kind + "] " + route + " " + name;
    }
}
