// `npx tsx bench/study.ts`: study mode with 20,000 cards — choosing the next card and grading it (target ≤ 5 ms),
// in memory as the contract call does it before the progress file is written; the write is timed apart.
// Three runs, each on a fresh progress store that already holds 5,000 graded cards; median and spread printed.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { StudyService, type StudySource } from '../electron/core/study/service'
import type { Card, CardSet } from '../electron/core/study/types'

const CARDS = 20_000
const GRADED = 5_000
const STEPS = 200
const RUNS = 3
const DAY = 86_400_000

function synthetic(): CardSet {
  const cards: Card[] = []
  for (let i = 0; i < CARDS; i++) {
    const note = `D${(i % 4) + 1}/note-${Math.floor(i / 20)}.md`
    cards.push({
      id: `card-${i}`, kind: 'definition', note, section: 's', line: (i % 20) + 1,
      front: `Which service handles case ${i} of streaming ingestion?`, back: `Service number ${i % 150}`,
      entities: [`service:s${i % 150}`, `concept:c${i % 60}`],
    })
  }
  return { cards, diagnostics: [] }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x: number) => `${x.toFixed(3)} ms`

async function run(set: CardSet): Promise<{ op: number; p95: number; write: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ng-bench-study-'))
  let now = Date.now() - 30 * DAY
  const source: StudySource = {
    folder: () => '/bench', cards: () => set, noteDomain: (p) => p.slice(0, 2), exams: () => [],
    graph: () => ({ nodes: [], edges: [], diagnostics: [] }), ontology: { entities: [], byId: new Map() },
  }
  const s = new StudyService(source, { settingsDir: dir, now: () => now })
  try {
    await s.setSettings({ newPerDay: 1000 })
    // history: 5,000 cards graded a month ago, many of them due again now
    for (let i = 0; i < GRADED; i++) s.gradeNow(`card-${i}`, i % 3 === 0 ? 'easy' : 'good')
    now += 30 * DAY
    await s.flush()
    const times: number[] = []
    for (let i = 0; i < STEPS; i++) {
      const t0 = performance.now()
      const next = s.queue({ kind: 'all' }, 1).cards[0]
      s.gradeNow(next.id, i % 5 === 0 ? 'again' : 'good')
      times.push(performance.now() - t0)
    }
    const writes: number[] = []
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      await s.flush()
      writes.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    return { op: median(times), p95: times[Math.floor(times.length * 0.95)], write: median(writes) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const set = synthetic()
  const runs: Array<{ op: number; p95: number; write: number }> = []
  await run(set) // warm-up (JIT), not counted
  for (let i = 0; i < RUNS; i++) runs.push(await run(set))
  const ops = runs.map((r) => r.op)
  const m = median(ops)
  const ok = m <= 5
  console.log(`## Study mode (${CARDS.toLocaleString('en')} cards, ${GRADED.toLocaleString('en')} with history, ${STEPS} grades per run)`)
  console.log(`choose next card + grade (ts-fsrs), per grade: median of ${RUNS} runs ${ms(m)} (runs ${ops.map(ms).join(', ')}; spread ${ms(Math.max(...ops) - Math.min(...ops))}); p95 ${ms(median(runs.map((r) => r.p95)))} ${ok ? '✓' : '✗'} (≤ 5 ms)`)
  console.log(`writing the progress file after a grade (atomic, asynchronous; not in the figure above): median ${ms(median(runs.map((r) => r.write)))}`)
  if (!ok) process.exitCode = 1
}

main().catch((e: unknown) => {
  console.error(`study bench failed: ${e instanceof Error ? e.stack : String(e)}`)
  process.exitCode = 1
})
