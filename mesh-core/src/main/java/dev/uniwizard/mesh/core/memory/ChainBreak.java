package dev.uniwizard.mesh.core.memory;

/**
 * The first link of the chain that does not hold.
 *
 * @param chainSeq the link's position in the chain
 * @param source the table the row lives in ({@code messages}, {@code project_memory}, ...)
 * @param key the row's key in that table (a message's seq, an entry's id)
 * @param problem what is wrong, for people: the row differs from its hash, its prev_hash is not the hash before it, a
 *     link is missing, or a row is not in the chain
 * @param expectedHash the hash the row should have (hex), when it can be computed
 * @param storedHash the hash stored with the row (hex)
 */
public record ChainBreak(
        long chainSeq, String source, String key, String problem, String expectedHash, String storedHash) {}
