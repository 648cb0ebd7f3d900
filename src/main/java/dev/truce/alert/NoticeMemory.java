package dev.truce.alert;

/**
 * Whether people were already told about a problem (identified by a fingerprint of its lines), so
 * that a daemon firing every morning at a broken file sends one notice per distinct set of problems,
 * not one per fire. Claiming before sending means two nodes of a cluster never both send it.
 */
public interface NoticeMemory {
    /** True when this fingerprint was not the one last told about; it now is. */
    boolean claim(String fingerprint);

    /** Forgets a claim whose notice could not be sent, so the next fire tries again. */
    void release(String fingerprint);

    /** The problem is gone: a later one, even the same again, is news. */
    void clear();
}
