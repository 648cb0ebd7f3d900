package dev.truce.config;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Where long work says how far it has got: reading a large file, importing a schedule. The command line shows it
 * on a terminal only ({@code cli/TerminalProgress}); everywhere else (cron, a pipe, a test, the daemon) it is
 * {@link #NONE} and costs nothing.
 */
public interface Progress {
    Progress NONE = (what, total) -> Step.NONE;

    /** A piece of work of {@code total} bytes, named for a person ("reading evidence.yaml"). */
    Step start(String what, long total);

    /** One piece of work under way; closing it takes its line away. */
    interface Step extends AutoCloseable {
        Step NONE = new Step() {
            @Override
            public void at(long done) {
                // nobody is watching
            }

            @Override
            public InputStream watch(InputStream in) {
                return in;
            }
        };

        /** {@code done} of the total bytes are done. */
        void at(long done);

        /** {@code in}, counting what is read from it into {@link #at(long)}. */
        default InputStream watch(InputStream in) {
            return new FilterInputStream(in) {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        at(++read);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        read += n;
                        at(read);
                    }
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    long skipped = super.skip(n);
                    read += skipped;
                    at(read);
                    return skipped;
                }
            };
        }

        @Override
        default void close() {
            // nothing shown, nothing to take away
        }
    }
}
