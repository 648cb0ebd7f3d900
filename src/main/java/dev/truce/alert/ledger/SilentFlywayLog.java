package dev.truce.alert.ledger;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's log, switched off: `truce alert` prints nothing when nothing was due (cron mails any output),
 * and a migration that fails reaches the person as the ledger's one-line error, not as log lines.
 * Public with a public constructor because Flyway instantiates it by name (its `loggers` setting).
 */
public final class SilentFlywayLog implements LogCreator, Log {
    @Override
    public Log createLogger(Class<?> type) {
        return this;
    }

    @Override
    public void debug(String message) {
    }

    @Override
    public void info(String message) {
    }

    @Override
    public void warn(String message) {
    }

    @Override
    public void error(String message) {
    }

    @Override
    public void error(String message, Exception e) {
    }

    @Override
    public void notice(String message) {
    }
}
