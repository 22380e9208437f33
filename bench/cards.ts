// Cost of study-card extraction relative to what the index already does per note (parse + extraction of
// entities), single thread, on the same notes. Card extraction runs inside that pass (parseNote), so its
// share of the per-note CPU is what it adds to the cold index (an upper bound: the cold index also builds the
// graph). Used by bench/phase.ts (phase `cards`) and runnable alone: `node --expose-gc --import tsx bench/cards.ts <folder> [repeat]`.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadEntities } from '../electron/core/entities'
import { parseNote } from '../electron/core/parse/note'
import { parseMarkdown } from '../electron/core/parse/processor'
import { extractCards } from '../electron/core/study/cards/extract'
import { scanFolder } from '../electron/core/scan'

export interface CardCost {
  notes: number
  cards: number
  /** CPU time of one pass of parseNote without cards over the notes (median of the passes) */
  noteMs: number
  /** one pass of extractCards alone on the already-parsed trees (median) */
  cardMs: number
  /** median over the passes of (card time / parse time) of the same pass, % */
  sharePct: number
  /** lowest and highest share of a single pass, % */
  spreadPct: [number, number]
  /** timed passes of each kind */
  passes: number
}

/** with --expose-gc: start each timed pass on a clean heap, so no pass pays for the garbage of the one before */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
/** CPU time of this process, ms: a busy machine stretches wall time, hardly CPU time */
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * Measure over `files` (relative to dir) in whole passes, `repeat` of each kind after a warm-up, alternating
 * kinds so a busy machine slows them alike; medians.
 */
export async function measureCardCost(dir: string, files: string[], repeat = 5): Promise<CardCost> {
  const { extractor } = await loadEntities()
  const srcs = files.map((f) => {
    const text = readFileSync(path.join(dir, f), 'utf8')
    return { path: f, text, size: text.length, mtimeMs: 0, hash: '' }
  })
  const parsed = srcs.map((s) => parseNote(s, extractor).meta)
  const roots = srcs.map((s) => parseMarkdown(s.text)) // the trees parseNote had
  let cards = 0
  for (let i = 0; i < roots.length; i++) cards += extractCards(roots[i], { path: files[i], sections: parsed[i].sections, mentions: parsed[i].mentions }).cards.length
  const note: number[] = []
  const alone: number[] = []
  for (let pass = 0; pass < repeat + 2; pass++) {
    gc()
    let t = cpu()
    for (const s of srcs) parseNote(s, extractor)
    const a = cpu() - t
    gc()
    t = cpu()
    for (let i = 0; i < roots.length; i++) extractCards(roots[i], { path: files[i], sections: parsed[i].sections, mentions: parsed[i].mentions })
    const b = cpu() - t
    if (pass < 2) continue // warm-up: the card code is small and gets optimized late
    note.push(a)
    alone.push(b)
  }
  if (process.env.CARDS_BENCH_DEBUG) console.error(note.map(Math.round), alone.map(Math.round))
  const noteMs = median(note)
  const cardMs = median(alone)
  // each pass pairs a parse with a card run taken right after it, so a load spike moves both: the share of
  // each pair, then their median and range
  const shares = note.map((a, i) => (alone[i] / a) * 100)
  return { notes: files.length, cards, noteMs, cardMs, sharePct: median(shares), spreadPct: [Math.min(...shares), Math.max(...shares)], passes: shares.length }
}

export function formatCardCost(label: string, c: CardCost): string {
  const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`)
  return `card extraction (${label}; ${c.notes} notes, ${c.cards} cards): ${ms(c.cardMs)} per pass vs ${ms(c.noteMs)} for parse + entities = ${shareText(c)} (target ≤ 3%)`
}

/** "1.23% (median of 5 passes, 1.10–1.41%)" */
export function shareText(c: CardCost): string {
  return `${c.sharePct.toFixed(2)}% (median of ${c.passes} passes, ${c.spreadPct[0].toFixed(2)}–${c.spreadPct[1].toFixed(2)}%)`
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? 'content')
  const repeat = Number(process.argv[3] ?? 5)
  const scan = await scanFolder(dir)
  const files = scan.files.map((f) => f.path)
  console.log(formatCardCost(`${path.basename(dir)} ×${repeat}`, await measureCardCost(scan.root, files, repeat)))
}
