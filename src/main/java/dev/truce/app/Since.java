package dev.truce.app;

import dev.truce.domain.Moment;

/** Where `truce changes` starts comparing: the last run (the default), a moment, or a git revision. */
public sealed interface Since {
    /** Since this user's last run, else the last 24 hours. */
    record LastRun() implements Since {
    }

    /** Since the files as committed at the newest commit at or before the moment; {@code asked} as typed. */
    record At(Moment moment, String asked) implements Since {
    }

    /** Since the files as committed at a revision git resolves (HEAD~3, a tag, a short id). */
    record Revision(String revision) implements Since {
    }

    Since LAST_RUN = new LastRun();
}
