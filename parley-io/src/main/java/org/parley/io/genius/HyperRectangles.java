package org.parley.io.genius;

import java.util.List;
import org.parley.core.model.Domain;
import org.parley.core.preference.UtilityFunction;
import org.parley.io.genius.GeniusReader.GeniusIssue;

/** GENIUS's non-linear utility spaces: sums, minima and maxima of weighted hyper-rectangles. */
final class HyperRectangles {

    private HyperRectangles() {}

    static UtilityFunction read(XmlElement utility, XmlElement root, List<GeniusIssue> issues, Domain domain,
            List<String> warnings) {
        throw utility.error("non-linear (hyper-rectangle) GENIUS utility spaces are not supported yet");
    }
}
