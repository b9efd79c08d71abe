package io.github.connectedcar.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 server on raw sockets, on a free loopback port, that misbehaves on purpose: it drips its answer, never
 * answers, answers with a huge body, or resets the connection once the request has arrived. It reads each request
 * whole, then plays its {@link Behaviour}; it counts the requests that arrived and the body bytes it managed to write
 * (a write fails once the client has closed the connection). Plain threads, so BlockHound is not concerned.
 */
public final class MisbehavingServer implements AutoCloseable {

    /** What the server does with a request once it has arrived. */
    @FunctionalInterface
    public interface Behaviour {
        void answer(Socket socket, OutputStream out, MisbehavingServer server) throws IOException, InterruptedException;
    }

    /** CR LF CR LF as the last four bytes read. */
    private static final int END_OF_HEAD = 0x0D0A0D0A;

    private final ServerSocket listener;
    private final Behaviour behaviour;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bodyBytesWritten = new AtomicLong();

    private MisbehavingServer(Behaviour behaviour) {
        this.behaviour = behaviour;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("The misbehaving server could not listen", e);
        }
        Thread acceptor = new Thread(this::accept, "misbehaving-server-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static MisbehavingServer start(Behaviour behaviour) {
        return new MisbehavingServer(behaviour);
    }

    /** Answers 200 with a long body, one byte every {@code every}: each read resets a read timeout. */
    public static Behaviour drip(Duration every) {
        return (socket, out, server) -> {
            out.write(head(200, "application/json", 1_000_000).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (!socket.isClosed()) {
                Thread.sleep(every.toMillis());
                out.write('{');
                out.flush();
                server.bodyBytesWritten.incrementAndGet();
            }
        };
    }

    /** Reads the request and keeps the connection open without a byte of answer. */
    public static Behaviour neverAnswer() {
        return (socket, out, server) -> {
            while (!socket.isClosed() && socket.getInputStream().read() >= 0) {
                // hold the connection until the client gives up
            }
        };
    }

    /**
     * Answers 200 with a body of {@code bytes} bytes, written in 64 KB pieces until done or the client closes.
     *
     * @param declareLength send a {@code Content-Length}; otherwise the body ends when the connection closes
     */
    public static Behaviour hugeBody(long bytes, boolean declareLength) {
        return (socket, out, server) -> {
            out.write(head(200, "application/json", declareLength ? bytes : -1).getBytes(StandardCharsets.US_ASCII));
            byte[] piece = new byte[64 * 1024];
            Arrays.fill(piece, (byte) ' ');
            for (long left = bytes; left > 0; left -= piece.length) {
                int size = (int) Math.min(piece.length, left);
                out.write(piece, 0, size);
                server.bodyBytesWritten.addAndGet(size);
            }
            out.flush();
            if (!declareLength) {
                socket.close(); // the end of the body
            }
        };
    }

    /** Resets the connection (TCP RST) once the request has arrived. */
    public static Behaviour resetAfterRequest() {
        return (socket, out, server) -> {
            socket.setSoLinger(true, 0);
            socket.close();
        };
    }

    /** The base URL, such as {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** How many requests arrived whole. */
    public int requests() {
        return requests.get();
    }

    /** How many body bytes were written before the answer ended or the client closed the connection. */
    public long bodyBytesWritten() {
        return bodyBytesWritten.get();
    }

    /** Whether every connection a client opened has been closed (by either side). */
    public boolean allConnectionsClosed() {
        return sockets.stream().allMatch(Socket::isClosed);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(MisbehavingServer::closeQuietly);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                sockets.add(socket);
                Thread connection = new Thread(() -> serve(socket), listener.getLocalPort() + "-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            while (readRequest(in)) {
                requests.incrementAndGet();
                behaviour.answer(socket, socket.getOutputStream(), this);
            }
        } catch (IOException clientWentAway) {
            // the client closed or reset the connection: that is what these tests wait for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one request (head and body); false at the end of the stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != END_OF_HEAD) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).strip());
            }
        }
        in.skipNBytes(length);
        return true;
    }

    private static String head(int status, String contentType, long contentLength) {
        return "HTTP/1.1 " + status + " OK\r\nContent-Type: " + contentType + "\r\n"
            + (contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "Connection: close\r\n") + "\r\n";
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
