// The launch marks' first painted frames, recorded in the page (window.__frames): for each `notes-graph:<mark>`
// performance mark, the time at the frame after the one in which it was first seen (that frame has been painted).
// Optionally the long tasks too (window.__long, [start, duration]). Shared by bench/renderer.ts and launch-ab.ts.
import type { Page } from 'playwright'

export async function recordLaunchFrames(page: Page, opts: { longTasks?: boolean } = {}): Promise<void> {
  // tsx keeps function names with a `__name` helper that page.evaluate bodies then call: provide it
  await page.addInitScript('window.__name = (f) => f')
  await page.addInitScript((longTasks: boolean) => {
    const w = window as unknown as { __frames: Record<string, number>; __long: Array<[number, number]> }
    w.__frames = {}
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
    }
    requestAnimationFrame(tick)
  }, opts.longTasks ?? false)
}
