package io.jackyunsync.jackyun;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * The limits of every call camel-http makes, set on its HttpClient (one exec-chain step): a whole-call deadline that
 * ends a call whose answer is not complete in time however slowly its bytes trickle in (a read timeout would not),
 * and a body cap that refuses a larger answer before reading it. Both end the call with a {@link Exceeded}.
 */
public final class CallLimits implements HttpClientConfigurer {

    /** A call ended by a limit: {@link #kind()} is DEADLINE or BODY_TOO_LARGE. */
    public static final class Exceeded extends IOException {

        private final String kind;

        Exceeded(String kind, String message) {
            super(message);
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }

    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private static ScheduledThreadPoolExecutor deadlines() {
        var timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "http-call-deadline");
            t.setDaemon(true);
            return t;
        });
        // a call that ends in time cancels its deadline: gone from the queue at once, not kept for its 3 minutes
        // (thousands of calls a second would otherwise pile up cancelled timers on the heap; measured: 3x slower)
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private final Duration deadline;
    private final long maxBodyBytes;

    public CallLimits(Duration deadline, long maxBodyBytes) {
        this.deadline = deadline;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Deadlines still waiting: those of the calls in flight, no more. */
    static int pendingDeadlines() {
        return DEADLINES.getQueue().size();
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addExecInterceptorFirst("call-limits", this::execute);
    }

    private ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        AtomicBoolean expired = new AtomicBoolean();
        // the original request cancels the exchange's connection: a read in progress ends at once
        Cancellable cancel = scope.originalRequest instanceof Cancellable c ? c : () -> {
            scope.execRuntime.discardEndpoint();
            return true;
        };
        ScheduledFuture<?> timer = DEADLINES.schedule(() -> {
            expired.set(true);
            cancel.cancel();
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (IOException e) {
            timer.cancel(false);
            throw expired.get() ? late(e) : e;
        } catch (RuntimeException | HttpException e) {
            timer.cancel(false);
            throw e;
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            timer.cancel(false);
            return response;
        }
        if (entity.getContentLength() > maxBodyBytes) {
            timer.cancel(false);
            scope.execRuntime.discardEndpoint(); // not read: the connection goes, its unread bytes with it
            throw tooLarge(entity.getContentLength() + " bytes announced");
        }
        response.setEntity(new HttpEntityWrapper(entity) {
            @Override
            public InputStream getContent() throws IOException { return new Limited(super.getContent(), timer, expired, scope); }
        });
        return response;
    }

    private Exceeded late(IOException cause) {
        Exceeded e = new Exceeded("DEADLINE", "answer was not complete within " + deadline.toSeconds()
                + " s (jackyun.call-deadline-seconds)");
        e.initCause(cause);
        return e;
    }

    private Exceeded tooLarge(String what) {
        return new Exceeded("BODY_TOO_LARGE", "answer is larger than jackyun.max-body-bytes (" + maxBodyBytes + " bytes; " + what + ")");
    }

    /** The body as it is read: ends the deadline at its end or close, and stops at the cap when no length was announced. */
    private final class Limited extends FilterInputStream {

        private final ScheduledFuture<?> timer;
        private final AtomicBoolean expired;
        private final ExecChain.Scope scope;
        private long read;

        Limited(InputStream in, ScheduledFuture<?> timer, AtomicBoolean expired, ExecChain.Scope scope) {
            super(in);
            this.timer = timer;
            this.expired = expired;
            this.scope = scope;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                timer.cancel(false);
                throw expired.get() ? late(e) : e;
            }
            if (n < 0) {
                timer.cancel(false);
                return n;
            }
            read += n;
            if (read > maxBodyBytes) {
                timer.cancel(false);
                scope.execRuntime.discardEndpoint();
                throw tooLarge("more than that sent");
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            timer.cancel(false);
            super.close();
        }
    }
}
