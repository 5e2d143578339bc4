package vn.citizenqa.functions.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP relay in front of a server, which a test can cut (open connections drop, new ones are reset at once,
 * and not one byte reaches the server) and restore: a store that goes away and comes back, without restarting it.
 *
 * <p>The relay keeps its port bound while cut. An earlier version closed the listening socket, which freed the port
 * for a moment: on a busy machine the same port could be handed to another listener, or a request that had already
 * been read could still be written through, and a cut store answered. Here every chunk is checked against the cut
 * before it is forwarded, so a cut is a cut whatever the scheduling.
 */
public final class TcpRelay implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean down;
    private volatile boolean closed;

    private TcpRelay(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
    }

    /** A relay on a free loopback port to {@code target} (an http://host:port URI), relaying at once. */
    public static TcpRelay to(URI target) {
        try {
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TcpRelay relay = new TcpRelay(new InetSocketAddress(target.getHost(), target.getPort()), socket);
            relay.listen();
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** Connections relayed and still open (each is a client socket and a server socket). */
    public int openConnections() {
        return open.size() / 2;
    }

    /** From now on new connections are reset, the open ones are dropped, and nothing is forwarded. */
    public synchronized void cut() {
        down = true;
        open.forEach(TcpRelay::reset);
        open.clear();
    }

    /** Relays again, on the same port. */
    public synchronized void restore() {
        down = false;
    }

    private void listen() {
        Thread.ofVirtual().name("relay-accept-" + listener.getLocalPort()).start(() -> {
            while (!closed) {
                try {
                    Socket client = listener.accept();
                    if (down) {
                        reset(client);
                        continue;
                    }
                    Socket server = new Socket(target.getAddress(), target.getPort());
                    open.add(client);
                    open.add(server);
                    pipe(client, server);
                    pipe(server, client);
                } catch (IOException e) {
                    // The listener was closed by close(), or one connection failed: go on unless closed.
                }
            }
        });
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (down) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // One side went away.
            } finally {
                // An orderly close when a side ended (what it sent is delivered first); a reset when cut.
                end(from);
                end(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private void end(Socket socket) {
        if (down) {
            reset(socket);
        } else {
            try {
                socket.close();
            } catch (IOException e) {
                // Nothing to do about it.
            }
        }
    }

    /** Closes a socket at once, with a reset rather than an orderly shutdown when it can. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already closed: closing again below is harmless.
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to do about it.
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        cut();
        try {
            listener.close();
        } catch (IOException e) {
            // Nothing to do about it.
        }
    }
}
