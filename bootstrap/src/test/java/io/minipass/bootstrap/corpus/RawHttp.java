package io.minipass.bootstrap.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte on a connection of its own: a corpus case must be able to send what no client library
 * would (odd paths, methods, repeated or missing headers), and a failure must show exactly what was sent.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** A request as it goes on the wire, without Host and Connection, which {@link #send} adds. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
        /** The request as text, for a failure message that lets it be replayed (long bodies cut). */
        String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(cut(target, 300)).append('\n');
            headers.forEach((name, value) -> text.append(name).append(": ").append(cut(value, 200)).append('\n'));
            String shown = new String(body, StandardCharsets.UTF_8);
            return text.append('\n').append(cut(shown, 600)).toString();
        }
    }

    /** The answer; {@code headers} names lower-cased. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    static Answer send(int port, Request request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            write(head, request.method() + " " + request.target() + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
            for (Map.Entry<String, String> header : request.headers().entrySet()) {
                write(head, header.getKey() + ": " + header.getValue() + "\r\n");
            }
            boolean declaresLength = request.headers().keySet().stream()
                    .anyMatch(name -> name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding"));
            if (!declaresLength && (request.body().length > 0 || request.method().equals("POST") || request.method().equals("PUT"))) {
                write(head, "Content-Length: " + request.body().length + "\r\n");
            }
            write(head, "Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toByteArray());
                out.write(request.body());
                out.flush();
            } catch (IOException refusedMidBody) {
                // a body refused by its declared length is answered before it is all sent: the answer is still there
                try {
                    return read(socket.getInputStream(), request.method().equals("HEAD"));
                } catch (IOException noAnswer) {
                    refusedMidBody.addSuppressed(noAnswer);
                    throw refusedMidBody;
                }
            }
            return read(socket.getInputStream(), request.method().equals("HEAD"));
        }
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            throw new IOException("no complete answer head: " + cut(text, 300));
        }
        String[] lines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        byte[] payload = java.util.Arrays.copyOfRange(all, split + 4, all.length);
        if (!head && headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
            payload = unchunk(payload);
        } else if (!head && headers.containsKey("content-length")
                && Integer.parseInt(headers.get("content-length")) != payload.length) {
            throw new IOException("answer cut: " + payload.length + " of " + headers.get("content-length") + " bytes");
        }
        return new Answer(status, headers, new String(payload, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrLf(chunked, at);
            if (lineEnd < 0) {
                throw new IOException("chunked answer cut");
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
