package dev.truce.schedule;

import dev.truce.app.DaemonAlerts;

/**
 * The daemon's fire: one run of the alert use case ({@link DaemonAlerts}), its result put into the outcome the
 * scheduler logs and retries by.
 */
public final class AlertFire implements AlertRun {
    private final DaemonAlerts alerts;

    public AlertFire(DaemonAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public FireOutcome run() {
        DaemonAlerts.Fired fired = alerts.fire();
        if (fired instanceof DaemonAlerts.Fired.Invalid invalid) {
            return new FireOutcome.InvalidFile(invalid.problems(), invalid.summary());
        }
        if (fired instanceof DaemonAlerts.Fired.Failed) {
            return new FireOutcome.Failed(fired.summary());
        }
        return new FireOutcome.Done(fired.summary());
    }
}
