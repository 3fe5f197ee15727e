package org.parley.core.analysis;

/** The bargaining solutions Parley reports; definitions as in DESIGN.md, objectives per outcome. */
public enum Solution {
    /** argmax Π_i (u_i − r_i). */
    NASH("nash"),
    /** argmax min_i (u_i − r_i) / (best_i − r_i). */
    KALAI_SMORODINSKY("kalaiSmorodinsky"),
    /** argmax Σ_i u_i. */
    UTILITARIAN("utilitarian"),
    /** argmax min_i (u_i − r_i). */
    EGALITARIAN("egalitarian");

    private final String key;

    Solution(String key) {
        this.key = key;
    }

    /** The name in JSON output. */
    public String key() {
        return key;
    }
}
