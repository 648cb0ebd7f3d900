package dev.truce.domain.exposure;

import java.util.List;

/**
 * What the landed duty never counts, said on every output so that nobody reads the figure as the whole bill.
 * The last item is the other way round: exemptions an obligation's {@code covers: [all]} does not subtract.
 */
public final class NotCounted {
    public static final List<String> ALWAYS = List.of(
            "AD/CVD (antidumping and countervailing duties)",
            "the specific part of compound and specific rates (an amount per unit)",
            "Section 301 exclusions and exemptions not modelled as obligations (9903.88.69, 9903.88.70: the schedule "
                    + "cannot tell which goods an exclusion covers)",
            "Section 232 where it is not in the data (no obligation models it)",
            "MPF and HMF fees",
            "not subtracted either: exemptions an obligation's covers ignore (Annex II, goods under Section 232, "
                    + "goods in transit)");

    private NotCounted() {
    }

    /** The items on one line: "Not counted: AD/CVD ...; MPF and HMF fees; not subtracted either: ...". */
    public static String line() {
        return "Not counted: " + String.join("; ", ALWAYS) + ".";
    }
}
