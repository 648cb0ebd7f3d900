package dev.truce.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small SMTP server speaking the real protocol on a dynamic port, for what GreenMail cannot do: STARTTLS
 * (with AUTH PLAIN offered only after it), refusing chosen recipients with 550 at RCPT or after DATA, and
 * holding a message at the end of DATA until a test lets it go. It accepts one message per transaction and keeps
 * each as envelope recipients plus raw text.
 */
public final class SmtpPeer implements AutoCloseable {
    public record Received(List<String> recipients, String data, String authenticatedAs, boolean overTls) {
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final SSLContext tls;
    private final Set<String> refused = new java.util.concurrent.CopyOnWriteArraySet<>();
    private final Set<String> refusedAfterData = new java.util.concurrent.CopyOnWriteArraySet<>();
    private final java.util.concurrent.atomic.AtomicInteger transactions = new java.util.concurrent.atomic.AtomicInteger();
    private final String user;
    private final String password;
    private volatile String refusal = "550 5.1.1 <%s>: mailbox unavailable";
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private final CountDownLatch holding = new CountDownLatch(1);

    /** {@code tls}: offer STARTTLS with this server context (null: none); {@code user}: require AUTH PLAIN (null: none). */
    public SmtpPeer(SSLContext tls, String user, String password, Set<String> refused) throws IOException {
        this.tls = tls;
        this.user = user;
        this.password = password;
        this.refused.addAll(refused);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Refuse the chosen recipients for now only (450, worth trying again), instead of for good (550). */
    public void refuseTemporarily() {
        refusal = "450 4.2.1 <%s>: mailbox busy, try again later";
    }

    /** Accept every recipient from now on. */
    public void acceptAll() {
        refused.clear();
        refusedAfterData.clear();
    }

    /**
     * Accept {@code address} at RCPT, then refuse the message with "550 5.7.1" at the end of DATA when it is
     * among the recipients: a refusal that comes only once the server has read the message (content filters,
     * a mailbox checked late).
     */
    public void refuseAfterData(String address) {
        refusedAfterData.add(address);
    }

    /** How many messages reached the end of DATA, stored or refused. */
    public int transactions() {
        return transactions.get();
    }

    /** From now on, each message waits at the end of DATA until {@link #release()}. */
    public void holdMessages() {
        hold = new CountDownLatch(1);
    }

    /** Waits until a message is being held. */
    public boolean awaitHolding(long seconds) throws InterruptedException {
        return holding.await(seconds, TimeUnit.SECONDS);
    }

    public void release() {
        hold.countDown();
    }

    @Override
    public void close() throws IOException {
        release();
        server.close();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> converse(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket plain) {
        Socket socket = plain;
        try {
            Session session = new Session(socket);
            session.reply("220 localhost ESMTP test peer");
            List<String> recipients = new ArrayList<>();
            String authenticated = null;
            boolean overTls = false;
            String line;
            while ((line = session.in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> {
                        List<String> lines = new ArrayList<>(List.of("250-localhost"));
                        if (tls != null && !overTls) {
                            lines.add("250-STARTTLS");
                        }
                        if (user != null && (tls == null || overTls)) {
                            lines.add("250-AUTH PLAIN");
                        }
                        lines.add("250 8BITMIME");
                        session.reply(String.join("\r\n", lines));
                    }
                    case "HELO" -> session.reply("250 localhost");
                    case "STAR" -> {
                        session.reply("220 ready to start TLS");
                        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket,
                                socket.getInetAddress().getHostAddress(), socket.getPort(), true);
                        secure.setUseClientMode(false);
                        secure.startHandshake();
                        socket = secure;
                        session = new Session(secure);
                        overTls = true;
                    }
                    case "AUTH" -> {
                        String[] parts = line.split(" ");
                        String response = parts.length > 2 ? parts[2] : askFor(session);
                        String[] fields = new String(Base64.getDecoder().decode(response), StandardCharsets.UTF_8).split("\0");
                        if (fields.length == 3 && fields[1].equals(user) && fields[2].equals(password)) {
                            authenticated = fields[1];
                            session.reply("235 2.7.0 authenticated");
                        } else {
                            session.reply("535 5.7.8 bad credentials");
                        }
                    }
                    case "MAIL" -> {
                        if (user != null && authenticated == null) {
                            session.reply("530 5.7.0 authentication required");
                        } else {
                            recipients.clear();
                            session.reply("250 ok");
                        }
                    }
                    case "RCPT" -> {
                        String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        if (refused.contains(address)) {
                            session.reply(refusal.formatted(address));
                        } else {
                            recipients.add(address);
                            session.reply("250 ok");
                        }
                    }
                    case "DATA" -> {
                        session.reply("354 end with .");
                        StringBuilder data = new StringBuilder();
                        while (!(line = session.in.readLine()).equals(".")) {
                            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                        }
                        transactions.incrementAndGet();
                        String late = recipients.stream().filter(refusedAfterData::contains).findFirst().orElse(null);
                        if (late != null) {
                            session.reply("550 5.7.1 <" + late + ">: message refused after reading it");
                            continue;
                        }
                        holding.countDown();
                        hold.await();
                        received.add(new Received(List.copyOf(recipients), data.toString(), authenticated, overTls));
                        session.reply("250 queued");
                    }
                    case "RSET", "NOOP" -> session.reply("250 ok");
                    case "QUIT" -> {
                        session.reply("221 bye");
                        return;
                    }
                    default -> session.reply("502 not implemented");
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the peer is closing
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static String askFor(Session session) throws IOException {
        session.reply("334 ");
        return session.in.readLine();
    }

    private static final class Session {
        final BufferedReader in;
        final OutputStream out;

        Session(Socket socket) throws IOException {
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = socket.getOutputStream();
        }

        void reply(String text) throws IOException {
            try {
                out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (SocketException e) {
                throw new IOException(e);
            }
        }
    }
}
