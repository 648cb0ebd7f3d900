package dev.truce.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * An H2 trigger for a ledger a truce process records into: the moment the process records a sent digest (the
 * server's 250 has come), it connects to the test's port, named in the trigger's name (stall_PORT), and waits
 * there for ever. The test's accept() is its latch: once it returns, the process is between the 250 and the
 * record, and a kill there is the kill "4 ms after the 250".
 */
public final class StallingRecord implements Trigger {
    private int port;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        port = Integer.parseInt(trigger.substring(trigger.lastIndexOf('_') + 1));
    }

    @Override
    public void fire(Connection connection, Object[] before, Object[] after) throws SQLException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port); InputStream in = socket.getInputStream()) {
            in.read();   // never answered: the process is killed while it waits here
        } catch (IOException e) {
            throw new SQLException("the test went away", e);
        }
        throw new SQLException("the test let the record go, which it never does");
    }

    static String install(int port) {
        return "CREATE TRIGGER stall_" + port + " BEFORE INSERT ON truce_alert_sent FOR EACH ROW CALL \""
                + StallingRecord.class.getName() + "\"";
    }

    static String remove(int port) {
        return "DROP TRIGGER stall_" + port;
    }
}
