package dev.truce.alert.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The sockets of one SMTP connection, kept so that another thread can close them. Jakarta Mail has no
 * way to abandon a reply it is reading (its close() waits for the lock the read holds), and a server can
 * keep a read going for ever by sending one line of a multi-line reply within each read timeout; closing
 * the socket ends a blocked read at once. Handed to Angus Mail as its socket factories, so it sees every
 * socket it opens, plain or TLS.
 */
final class ConnectionSockets {
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** For mail.smtp.socketFactory: the plain socket under every connection (TLS is layered on it). */
    SocketFactory plain() {
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                return keep(new Socket());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return keep(new Socket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return keep(new Socket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return keep(new Socket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
                return keep(new Socket(host, port, local, localPort));
            }
        };
    }

    /**
     * For mail.smtp.ssl.socketFactory: {@code tls}, keeping the plain socket it layers TLS on. With
     * security: ssl and a factory of its own, Angus Mail opens that plain socket without asking
     * {@link #plain()}.
     */
    SSLSocketFactory tls(SSLSocketFactory tls) {
        return new SSLSocketFactory() {
            @Override
            public String[] getDefaultCipherSuites() {
                return tls.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return tls.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket(Socket under, String host, int port, boolean autoClose) throws IOException {
                // closing the plain socket ends a read blocked in the TLS layer above it
                keep(under);
                return tls.createSocket(under, host, port, autoClose);
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return keep(tls.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return keep(tls.createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return keep(tls.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
                return keep(tls.createSocket(host, port, local, localPort));
            }
        };
    }

    /** Closes every socket of the connection, and any opened until {@link #allow()}. */
    void closeAll() {
        closed = true;
        open.forEach(ConnectionSockets::closeQuietly);
        open.clear();
    }

    /** Lets new sockets stay open again: a new delivery may connect anew. */
    void allow() {
        closed = false;
    }

    private Socket keep(Socket socket) {
        open.removeIf(Socket::isClosed);
        open.add(socket);
        if (closed) {
            // the delivery ended while this one was being opened
            closeQuietly(socket);
        }
        return socket;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing to end the delivery; the reader gets its exception either way
        }
    }
}
