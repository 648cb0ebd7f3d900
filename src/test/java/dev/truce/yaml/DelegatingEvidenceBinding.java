package dev.truce.yaml;

import dev.truce.domain.Evidence;
import dev.truce.domain.Moment;
import dev.truce.yaml.codec.BinaryCodec;
import java.util.List;

/** The evidence binding, through a subclass: a test overrides what it watches (the codec, the threads that bind). */
class DelegatingEvidenceBinding extends EntryBinding<Evidence> {
    protected final EvidenceBinding real;

    DelegatingEvidenceBinding(EvidenceBinding real, List<String> ids) {
        super("evidence.yaml", ids, "obligations.yaml");
        this.real = real;
    }

    @Override
    public Evidence bind(YamlNode item, String path, List<Problem> problems) {
        return real.bind(item, path, problems);
    }

    @Override
    public String text(Evidence entry, String indent, String newline) {
        return real.text(entry, indent, newline);
    }

    @Override
    public String header() {
        return real.header();
    }

    @Override
    protected String cacheKind() {
        return real.cacheKind();
    }

    @Override
    protected BinaryCodec<Evidence> entryCodec() {
        return real.entryCodec();
    }

    @Override
    protected String obligationOf(Evidence entry) {
        return real.obligationOf(entry);
    }

    @Override
    protected Moment dateOf(Evidence entry) {
        return real.dateOf(entry);
    }
}
