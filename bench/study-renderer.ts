// `npx tsx bench/study-renderer.ts`: the Study panel in Chromium against the web host — from a grade (key 3) to
// the frame that shows the next card (target ≤ 50 ms). Three runs of ten grades on fresh pages; median and spread.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/browser'
import { startWebHost } from '../tests/e2e/webHost'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const RUNS = 3
const GRADES = 10
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x: number) => `${x.toFixed(1)} ms`

/** One grade: Space, then key 3 on the card; the time until the frame that shows another card. */
async function timeGrade(page: Page): Promise<number> {
  const card = page.getByRole('group', { name: 'Flashcard' })
  await card.focus()
  await page.keyboard.press('Space')
  await page.getByRole('button', { name: 'Good', exact: true }).waitFor()
  return page.evaluate(() => new Promise<number>((resolve) => {
    const el = document.querySelector<HTMLElement>('[aria-label="Flashcard"]')!
    const id = el.dataset.card
    const t0 = performance.now()
    const obs = new MutationObserver(() => {
      const now = document.querySelector<HTMLElement>('[aria-label="Flashcard"]')
      if (now && now.dataset.card !== id) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now() - t0)) }
    })
    obs.observe(document.querySelector('[aria-label="Study"]')!, { subtree: true, childList: true, attributes: true })
    el.dispatchEvent(new KeyboardEvent('keydown', { key: '3', bubbles: true }))
  }))
}

async function main(): Promise<void> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('no Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH')
  // @ts-expect-error plain ESM helper shared with scripts/web.mjs (no type declarations)
  const { ensureRendererBuilt } = (await import('../scripts/build-renderer.mjs')) as { ensureRendererBuilt(o?: { log?: (m: string) => void }): Promise<boolean> }
  await ensureRendererBuilt()
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-graph-sbench-'))
  const host = await startWebHost({ notes: path.join(repo, 'content'), stateDir: path.join(tmp, 'state') })
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  try {
    const runs: number[] = []
    for (let r = 0; r < RUNS; r++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
      await page.addInitScript('window.__name = (f) => f')
      await page.goto(`${host.url}#?study=review`)
      await page.getByRole('group', { name: 'Flashcard' }).waitFor({ timeout: 120_000 })
      // enough new cards for every run (the default daily limit is 20); the page's own session calls the API
      if (r === 0) {
        await page.evaluate(() => fetch('./api/setStudySettings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([{ newPerDay: 500 }]) }))
        await page.goto(`${host.url}#?study=review`)
        await page.getByRole('group', { name: 'Flashcard' }).waitFor({ timeout: 120_000 })
      }
      const times: number[] = []
      for (let i = 0; i < GRADES; i++) times.push(await timeGrade(page))
      runs.push(median(times))
      await page.close()
    }
    const m = median(runs)
    console.log(`## Study panel (Chromium, bundled notes, ${GRADES} grades per run)`)
    console.log(`next card shown after a grade: median of ${RUNS} runs ${ms(m)} (runs ${runs.map(ms).join(', ')}; spread ${ms(Math.max(...runs) - Math.min(...runs))}) ${m <= 50 ? '✓' : '✗'} (≤ 50 ms)`)
    if (m > 50) process.exitCode = 1
  } finally {
    await browser.close()
    await host.stop()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(`study renderer bench failed: ${e instanceof Error ? e.stack : String(e)}`)
  process.exitCode = 1
})
