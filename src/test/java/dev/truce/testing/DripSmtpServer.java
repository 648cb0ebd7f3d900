package dev.truce.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server on 127.0.0.1 that never finishes a reply: it greets, reads EHLO, then sends
 * "250-still thinking" (a line of a multi-line reply, more to come) every {@code interval}, which is
 * shorter than the client's read timeout, so only a deadline on the whole delivery ends the wait. It
 * notes when a client is stuck in that reply and when the client hung up.
 */
public final class DripSmtpServer implements AutoCloseable {
    private final ServerSocket server;
    private final Duration interval;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "drip-smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch dripping = new CountDownLatch(1);
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();

    public DripSmtpServer(Duration interval) throws IOException {
        this.interval = interval;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Waits until a client has had the first line of the endless reply. */
    public boolean awaitDripping(Duration timeout) throws InterruptedException {
        return dripping.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until a client closed its connection in the middle of the reply. */
    public boolean awaitHangUp(Duration timeout) throws InterruptedException {
        return hungUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                threads.execute(() -> drip(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void drip(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            out.write("220 127.0.0.1 ESMTP drip\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (in.readLine() == null) {
                return;
            }
            while (true) {
                out.write("250-still thinking\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                dripping.countDown();
                // the client's hang-up shows as end of stream within one interval
                socket.setSoTimeout((int) interval.toMillis());
                try {
                    if (in.read() == -1) {
                        hungUp.countDown();
                        return;
                    }
                } catch (java.net.SocketTimeoutException quiet) {
                    // the client is still waiting for the rest of the reply: send another line
                }
            }
        } catch (IOException e) {
            // reset by the client: that is a hang-up too
            hungUp.countDown();
        }
    }
}
