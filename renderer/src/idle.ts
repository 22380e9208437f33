// The page's idle moments, for work that must not hold up frames or clicks. Where requestIdleCallback is missing
// (tests, old engines), a plain timer stands in.
type IdleCallback = (cb: () => void, o: { timeout: number }) => number

/** Run `fn` when the page is idle, at most `timeoutMs` later; after `fallbackMs` where idle callbacks do not exist. */
export function onIdle(fn: () => void, timeoutMs: number, fallbackMs: number): void {
  const idle = (globalThis as { requestIdleCallback?: IdleCallback }).requestIdleCallback
  if (idle) idle(() => fn(), { timeout: timeoutMs })
  else setTimeout(fn, fallbackMs)
}
