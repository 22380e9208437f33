// The launch marks' first painted frames, recorded in the page (window.__frames): for each `notes-graph:<mark>`
// performance mark, the time at the frame after the one in which it was first seen (that frame has been painted).
// Optionally the long tasks too (window.__long, [start, duration]). Shared by bench/renderer.ts and launch-ab.ts.
// `launchFramesPainted` waits for both without Playwright's page-side helpers: `page.waitForFunction` first
// evaluates Playwright's injected script in the page (≈ 30–50 ms of the main thread, in the middle of the
// launch being measured); here the page only resolves a promise its init script made.
import type { CDPSession, Page } from 'playwright'

export async function recordLaunchFrames(page: Page, opts: { longTasks?: boolean } = {}): Promise<void> {
  // tsx keeps function names with a `__name` helper that page.evaluate bodies then call: provide it
  await page.addInitScript('window.__name = (f) => f')
  await page.addInitScript((longTasks: boolean) => {
    const w = window as unknown as { __frames: Record<string, number>; __long: Array<[number, number]>; __framesPainted: Promise<void> }
    w.__frames = {}
    let painted = (): void => undefined
    w.__framesPainted = new Promise((resolve) => { painted = resolve })
    w.__long = []
    if (longTasks) {
      try { new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push([e.startTime, e.duration]) }).observe({ type: 'longtask' }) } catch { /* none */ }
    }
    const names = ['interactive', 'settled']
    const tick = () => {
      for (const m of names) {
        if (m in w.__frames || performance.getEntriesByName(`notes-graph:${m}`).length === 0) continue
        w.__frames[m] = NaN
        requestAnimationFrame(() => { w.__frames[m] = performance.now() })
      }
      if (names.some((m) => !(m in w.__frames))) requestAnimationFrame(tick)
      else requestAnimationFrame(function whenPainted() { if (names.every((m) => w.__frames[m] > 0)) painted(); else requestAnimationFrame(whenPainted) })
    }
    requestAnimationFrame(tick)
  }, opts.longTasks ?? false)
}

/** Resolves once the page has painted the frames after `interactive` and after `settled` (see above). */
export async function launchFramesPainted(cdp: CDPSession, timeoutMs = 120_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no launch frames within ${timeoutMs / 1000} s`)), timeoutMs) })
  try {
    // evaluated once the navigation has committed (page.goto has returned): the init script's promise exists
    const r = await Promise.race([cdp.send('Runtime.evaluate', { expression: 'window.__framesPainted', awaitPromise: true }), timeout])
    if (r.exceptionDetails) throw new Error(`launch frames: ${r.exceptionDetails.text}`)
  } finally {
    clearTimeout(timer)
  }
}
