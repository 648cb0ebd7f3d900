package dev.truce.alert.mail;

import dev.truce.config.Emails;
import dev.truce.config.SmtpConfig;
import dev.truce.config.TruceFile;
import dev.truce.domain.InvalidValue;
import dev.truce.domain.Suggestions;
import dev.truce.domain.TruceException;
import java.nio.file.Path;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the SMTP settings: each of $TRUCE_SMTP_HOST, _PORT, _SECURITY, _USERNAME, _FROM, _TIMEOUT
 * overrides its key in alerts.smtp, and $TRUCE_SMTP_DEADLINE sets the time one delivery may take in all; the password comes only from $TRUCE_SMTP_PASSWORD or the file named by
 * alerts.smtp.password_file. Anything missing or malformed is bad input, named by key or variable.
 */
public final class SmtpSettingsResolver {
    public static final String HOST = "TRUCE_SMTP_HOST";
    public static final String PORT = "TRUCE_SMTP_PORT";
    public static final String SECURITY = "TRUCE_SMTP_SECURITY";
    public static final String USERNAME = "TRUCE_SMTP_USERNAME";
    public static final String FROM = "TRUCE_SMTP_FROM";
    public static final String PASSWORD = "TRUCE_SMTP_PASSWORD";
    public static final String TIMEOUT = "TRUCE_SMTP_TIMEOUT";
    public static final String DEADLINE = "TRUCE_SMTP_DEADLINE";
    /** The sender of messages that are only printed or written to files, when none is configured. */
    public static final String FALLBACK_FROM = "truce@localhost";

    private final Map<String, String> environment;
    private final String file;
    private final Path directory;

    /** {@code truceFile}: obligations.yaml as read (its label for messages, its folder for password_file). */
    public SmtpSettingsResolver(Map<String, String> environment, TruceFile truceFile) {
        this.environment = environment;
        this.file = truceFile.label();
        this.directory = truceFile.directory();
    }

    /** Settings for sending; {@code timeout} is the caller's choice, else $TRUCE_SMTP_TIMEOUT, else 20 s. */
    public SmtpSettings resolve(SmtpConfig config, Duration timeout) {
        String host = env(HOST).orElse(config.host());
        if (host == null) {
            throw TruceException.badInput(file + ": alerts.smtp.host is not set (or set $" + HOST
                    + "); try --dry-run or --out DIR to see the emails without a mail server");
        }
        Security security = security(config);
        int port = port(config, security);
        String username = env(USERNAME).orElse(config.username());
        String from = from(config).orElseThrow(() -> TruceException.badInput(file
                + ": alerts.smtp.from is not set (or set $" + FROM + "): the address the alerts come from"));
        String password = password(config);
        if (username != null && password == null) {
            throw TruceException.badInput("alerts.smtp.username is " + username + " but no password is set: set $"
                    + PASSWORD + " or alerts.smtp.password_file");
        }
        return new SmtpSettings(host, port, security, username, username == null ? null : password, from,
                timeout != null ? timeout : seconds(TIMEOUT, 20).orElse(SmtpSettings.DEFAULT_TIMEOUT),
                seconds(DEADLINE, SmtpSettings.DEFAULT_DEADLINE.toSeconds()).orElse(SmtpSettings.DEFAULT_DEADLINE));
    }

    /** The sender for composing messages: configured, else {@value #FALLBACK_FROM}. */
    public String fromOrFallback(SmtpConfig config) {
        return from(config).orElse(FALLBACK_FROM);
    }

    private Optional<String> from(SmtpConfig config) {
        Optional<String> fromEnv = env(FROM);
        if (fromEnv.isPresent()) {
            try {
                Emails.address(fromEnv.get());
            } catch (InvalidValue e) {
                throw TruceException.badInput("$" + FROM + ": '" + fromEnv.get() + "' " + e.getMessage());
            }
        }
        return fromEnv.or(() -> Optional.ofNullable(config.from()));
    }

    private Security security(SmtpConfig config) {
        Optional<String> fromEnv = env(SECURITY);
        String label = fromEnv.orElse(config.security() == null ? Security.STARTTLS.label() : config.security());
        return dev.truce.domain.Labels.parse(Security.class, label).orElseThrow(() -> TruceException.badInput("$"
                + SECURITY + ": '" + label + "' " + dev.truce.domain.Labels.notOne(Security.class, label)));
    }

    private int port(SmtpConfig config, Security security) {
        Optional<String> fromEnv = env(PORT);
        if (fromEnv.isEmpty()) {
            return config.port() != null ? config.port() : security.defaultPort();
        }
        try {
            int port = Integer.parseInt(fromEnv.get().trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw TruceException.badInput("$" + PORT + ": '" + fromEnv.get() + "' is not a port number (expected 1 to 65535)");
    }

    private Optional<Duration> seconds(String variable, long example) {
        return env(variable).map(text -> {
            try {
                int seconds = Integer.parseInt(text.trim());
                if (seconds > 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw TruceException.badInput("$" + variable + ": '" + text + "' is not a number of seconds (expected e.g. "
                    + example + ")");
        });
    }

    private String password(SmtpConfig config) {
        Optional<String> fromEnv = env(PASSWORD);
        if (fromEnv.isPresent() || config.passwordFile() == null) {
            return fromEnv.orElse(null);
        }
        Path passwordFile = directory.resolve(config.passwordFile());
        try {
            String content = Files.readString(passwordFile, StandardCharsets.UTF_8);
            String password = content.replaceAll("[\r\n]+$", ""); // an editor's final newline is not part of it
            if (password.isEmpty()) {
                throw TruceException.badInput("alerts.smtp.password_file: " + passwordFile + " is empty");
            }
            return password;
        } catch (NoSuchFileException e) {
            throw TruceException.badInput("alerts.smtp.password_file: " + passwordFile + " does not exist");
        } catch (IOException e) {
            throw TruceException.failure("alerts.smtp.password_file: cannot read " + passwordFile + ": "
                    + e.getMessage(), e);
        }
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }
}
