package io.minipass.adapters.web;

import io.minipass.adapters.web.php.RequestParameters;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Receives a request's whole body before the servlet layer sees it, without holding a thread while it
 * arrives: the servlet layer reads bodies blocking, so clients trickling bodies in would otherwise hold
 * every thread of the server. A body must arrive in full within the body timeout and fit the size limit;
 * else the answer is a JSON error and the connection is closed. Its bytes go into one {@link ReceivedBody},
 * whatever its framing, and all bodies together hold at most the service's {@link BodyMemory}: beyond it a
 * body is answered {@code -1 系统繁忙，请稍后再试} (docs/security.md).
 */
final class BodyBuffering extends Handler.Wrapper {
    static final String TOO_SLOW = "请求数据接收超时";

    private final int maxBodyBytes;
    private final Duration bodyTimeout;
    private final BodyMemory memory;

    BodyBuffering(int maxBodyBytes, Duration bodyTimeout, BodyMemory memory) {
        this.maxBodyBytes = maxBodyBytes;
        this.memory = Objects.requireNonNull(memory, "memory");
        this.bodyTimeout = Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (bodyTimeout.isZero() || bodyTimeout.isNegative()) {
            throw new IllegalArgumentException("bodyTimeout must be positive");
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // The servlet layer refuses a declared oversized body without reading it.
        if (request.getLength() == 0 || request.getLength() > maxBodyBytes) {
            return super.handle(request, response, callback);
        }
        new BodyReception(request, response, callback).start();
        return true;
    }

    /** One body on its way in; {@link #run} reads what has arrived and asks to be called again when more does. */
    private final class BodyReception implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean finished = new AtomicBoolean();
        private final ReceivedBody received;
        private Scheduler.Task deadline;

        BodyReception(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.received = new ReceivedBody(memory, maxBodyBytes, request.getLength());
            // The bytes are held until the answer is out.
            this.callback = Callback.from(callback, received::release);
        }

        void start() {
            deadline = request.getComponents().getScheduler().schedule(this::tooSlow, bodyTimeout.toMillis(), TimeUnit.MILLISECONDS);
            run();
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (!finished.get()) {
                        request.demand(this);
                    }
                    return;
                }
                if (chunk.getFailure() != null) {
                    if (finish()) {
                        refuseWhileReading(RequestParameters.UNREADABLE);
                    }
                    return;
                }
                boolean last = chunk.isLast();
                ReceivedBody.Added added = received.add(chunk.getByteBuffer());
                chunk.release();
                if (added != ReceivedBody.Added.KEPT) {
                    if (finish()) {
                        refuseWhileReading(added == ReceivedBody.Added.TOO_LARGE
                                ? RequestParameters.TOO_LARGE : Failure.SYSTEM_BUSY);
                    }
                    return;
                }
                if (last) {
                    if (finish()) {
                        dispatch();
                    }
                    return;
                }
                if (finished.get()) {
                    return;
                }
            }
        }

        /** Says {@code Connection: close} when the rest of the body is not there to be skipped, as the servlet layer does. */
        private void refuseWhileReading(String message) {
            received.release();
            if (!request.consumeAvailable()) {
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            }
            JettyEnvelopeWriter.write(request, response, callback, ApiResult.failed(message));
        }

        /** Runs on the scheduler, maybe while a read is pending: closing the connection is the only safe end. */
        private void tooSlow() {
            if (finish()) {
                received.release();
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                JettyEnvelopeWriter.write(request, response, callback, ApiResult.failed(TOO_SLOW));
            }
        }

        private boolean finish() {
            if (!finished.compareAndSet(false, true)) {
                return false;
            }
            deadline.cancel();
            return true;
        }

        private void dispatch() {
            Request buffered = new BufferedRequest(request, received.contents());
            try {
                if (!BodyBuffering.super.handle(buffered, response, callback)) {
                    Response.writeError(buffered, response, callback, 404);
                }
            } catch (Throwable failure) {
                callback.failed(failure);
            }
        }
    }

    /**
     * The request with its body already received, as if it had come with a {@code Content-Length} (as a buffering
     * proxy passes it on): readers can take it into an array of the right size at once.
     */
    private static final class BufferedRequest extends Request.Wrapper {
        private final ByteBufferContentSource body;
        private final HttpFields headers;
        private final long length;

        BufferedRequest(Request request, ByteBuffer body) {
            super(request);
            this.length = body.remaining();
            this.body = new ByteBufferContentSource(body);
            this.headers = HttpFields.build(request.getHeaders())
                    .remove(HttpHeader.TRANSFER_ENCODING)
                    .put(HttpHeader.CONTENT_LENGTH, length)
                    .asImmutable();
        }

        @Override
        public HttpFields getHeaders() {
            return headers;
        }

        @Override
        public long getLength() {
            return length;
        }

        @Override
        public Content.Chunk read() {
            return body.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            body.demand(demandCallback);
        }

        @Override
        public void fail(Throwable failure) {
            body.fail(failure);
        }

        @Override
        public boolean consumeAvailable() {
            for (Content.Chunk chunk = body.read(); chunk != null; chunk = body.read()) {
                chunk.release();
                if (chunk.isLast()) {
                    break;
                }
            }
            return true;
        }
    }
}
