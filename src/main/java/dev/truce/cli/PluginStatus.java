package dev.truce.cli;

/**
 * The exit codes of `truce check`, which follow the monitoring-plugin convention (Nagios, Icinga,
 * Zabbix) rather than {@link ExitCode}: a monitoring system reads 2 as CRITICAL, not as bad input.
 */
enum PluginStatus {
    OK(0), WARNING(1), CRITICAL(2), UNKNOWN(3);

    private final int code;

    PluginStatus(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
