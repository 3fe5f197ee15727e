package org.parley.core.analysis;

/**
 * What a long exact analysis reports as it goes, so that a user facing a minute of work sees it
 * advance (and can judge whether to stop it): the issue-wise frontier merges its groups of issues
 * pairwise, {@code total} merges in all, and each merge's frontier may be larger than the last.
 * Called on the analysing thread after every merge; it should return quickly.
 */
@FunctionalInterface
public interface AnalysisProgress {

    /** Reports nothing. */
    AnalysisProgress NONE = (done, total, vectors, held) -> {};

    /**
     * @param done merges finished
     * @param total merges in all (groups of issues less one)
     * @param vectors frontier vectors of the merge just finished
     * @param held frontier vectors held by all merges so far (kept to list outcomes afterwards)
     */
    void merged(int done, int total, long vectors, long held);
}
