package io.rediscover.icims.simulator;

import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A8/D13: recognises the HTTP/2 prior-knowledge preface ({@code PRI * HTTP/2.0…}) on a fresh connection
 * and answers with a raw HTTP/1.1 505 before closing, as iCIMS rejects every version but HTTP/1.1 [DOC S2].
 * Anything else passes on to the HTTP/1.1 factory (used inside a {@code DetectorConnectionFactory}).
 * {@code Upgrade: h2c} requests arrive as HTTP/1.1 and are refused by {@link SimulatorHandler}.
 */
final class Http2PrefaceRejector extends AbstractConnectionFactory implements ConnectionFactory.Detecting {
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final String BODY = "<html><body><h1>505 HTTP Version Not Supported</h1></body></html>\n";
    private static final byte[] RESPONSE = ("HTTP/1.1 505 HTTP Version Not Supported\r\n"
            + "Content-Type: text/html; charset=UTF-8\r\n"
            + "Content-Length: " + BODY.length() + "\r\n"
            + "Connection: close\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);

    Http2PrefaceRejector() {
        super("h2-preface-rejector");
    }

    @Override
    public Detection detect(ByteBuffer buffer) {
        int n = Math.min(buffer.remaining(), PREFACE.length);
        for (int i = 0; i < n; i++) {
            if (buffer.get(buffer.position() + i) != PREFACE[i]) {
                return Detection.NOT_RECOGNIZED;
            }
        }
        return n == PREFACE.length ? Detection.RECOGNIZED : Detection.NEED_MORE_BYTES;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        return new Rejection(endPoint, connector);
    }

    /** Writes the 505 and closes; takes over the detector's buffered bytes only to drop them. */
    private static final class Rejection extends AbstractConnection implements Connection.UpgradeTo {
        Rejection(EndPoint endPoint, Connector connector) {
            super(endPoint, connector.getExecutor());
        }

        @Override
        public void onUpgradeTo(ByteBuffer buffered) {
            // The client's preface and frames are of no interest.
        }

        @Override
        public void onOpen() {
            super.onOpen();
            getEndPoint().write(Callback.from(getEndPoint()::close, x -> getEndPoint().close()), ByteBuffer.wrap(RESPONSE));
        }

        @Override
        public void onFillable() {
            // Nothing is read: the connection closes once the 505 is written.
        }
    }
}
