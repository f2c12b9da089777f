package io.minipass.adapters.web.php;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * Not a test: the CPU {@link JsonCodec} spends per byte of a 1 MB body of many members against a plain 1 MB body,
 * for docs/security.md. Run by hand: {@code java -cp <test classpath> io.minipass.adapters.web.php.JsonCodecCost}.
 */
public final class JsonCodecCost {
    private static final int BYTES = 1024 * 1024;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private JsonCodecCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        byte[] plain = plainBody();
        byte[] members = memberBomb();
        byte[] elements = elementBomb();
        for (int warm = 0; warm < 3; warm++) {
            cpuPerByte(plain, rounds / 4);
            cpuPerByte(members, rounds / 4);
            cpuPerByte(elements, rounds / 4);
        }
        double plainCost = cpuPerByte(plain, rounds);
        double memberCost = cpuPerByte(members, rounds);
        double elementCost = cpuPerByte(elements, rounds);
        System.out.printf("plain 1 MB body (one long string member): %.2f ns CPU per byte, %s%n", plainCost, outcome(plain));
        System.out.printf("member bomb (%d bytes, %d members): %.2f ns CPU per byte (%.1fx plain), %s%n",
                members.length, count(members, ':'), memberCost, memberCost / plainCost, outcome(members));
        System.out.printf("element bomb (%d bytes, %d elements): %.2f ns CPU per byte (%.1fx plain), %s%n",
                elements.length, count(elements, ',') + 1, elementCost, elementCost / plainCost, outcome(elements));
    }

    private static double cpuPerByte(byte[] body, int rounds) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            try {
                JsonCodec.parse(body);
            } catch (IOException refused) {
                // refused bodies cost what it took to refuse them
            }
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / (double) rounds / body.length;
    }

    private static String outcome(byte[] body) {
        try {
            JsonCodec.parse(body);
            return "parsed";
        } catch (IOException e) {
            return "refused";
        }
    }

    private static byte[] plainBody() {
        String prefix = "{\"openid\":\"o\",\"auth_data\":\"";
        return (prefix + "a".repeat(BYTES - prefix.length() - 2) + "\"}").getBytes(StandardCharsets.US_ASCII);
    }

    /** {"k0":0,"k1":0,...}: a distinct name per member, as in the 110,000-member body. */
    private static byte[] memberBomb() {
        StringBuilder json = new StringBuilder(BYTES).append('{');
        for (int i = 0; json.length() < BYTES - 20; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        return json.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] elementBomb() {
        StringBuilder json = new StringBuilder(BYTES).append("{\"a\":[");
        for (int i = 0; json.length() < BYTES - 20; i++) {
            json.append(i == 0 ? "0" : ",0");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static int count(byte[] body, char c) {
        int n = 0;
        for (byte b : body) {
            n += b == c ? 1 : 0;
        }
        return n;
    }
}
