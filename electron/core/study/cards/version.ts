/** Bump when card extraction changes, so persisted indexes made by an older extractor are re-parsed. */
export const CARDS_VERSION = 7
