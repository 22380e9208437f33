// The extractor's version, in a module of its own so the persisted index can read it without loading the extractor.

/**
 * Bump whenever a change in extract/ (rules, matching, positions) would give different mentions for the same
 * note: it is part of the persisted index key, so an index built by an older extractor is not reused.
 */
export const EXTRACTOR_VERSION = 3
