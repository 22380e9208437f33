// Domain keys in numeric order (D2 before D10), as a numeric collator orders them, without making one at launch.

/** letters then a number, the usual domain key (D1, D2 … D10) */
const KEY_NUMBER = /^([A-Za-z]*)(\d+)$/
let numeric: Intl.Collator | null = null

/**
 * Compare two keys as `new Intl.Collator(undefined, { numeric: true })` does. Keys that differ only in their
 * number are compared here: the page's first collator (ICU's collation data) cost ≈ 15 ms of the launch's
 * filter panel. Anything else goes to the collator.
 */
export function numericOrder(a: string, b: string): number {
  if (a === b) return 0
  const x = KEY_NUMBER.exec(a)
  const y = x && KEY_NUMBER.exec(b)
  if (x && y && x[1] === y[1] && Number(x[2]) !== Number(y[2])) return Number(x[2]) - Number(y[2])
  return (numeric ??= new Intl.Collator(undefined, { numeric: true })).compare(a, b)
}
