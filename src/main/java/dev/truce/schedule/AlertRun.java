package dev.truce.schedule;

/**
 * One run of the alerts, as the scheduler sees it. The daemon's implementation calls the same use
 * case as {@code truce alert}, against the files as they are on disk at the moment of the fire.
 * Bad input and failed sends are outcomes, not exceptions: the daemon outlives both.
 */
@FunctionalInterface
public interface AlertRun {
    FireOutcome run();
}
