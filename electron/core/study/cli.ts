// `npm run --silent cards -- <folder> [--json]`: the study cards of a notes folder, as a summary or as JSON.
// With --json, stdout carries exactly one JSON document; everything else goes to stderr.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Card, CardSet } from './types'
import { openFolder, parseCliArgs, type CliArgs } from '../cli'

const PROG = 'notes-cards'
const USAGE = 'usage: npm run --silent cards -- <folder> [--json] [--no-cache] [--cache-dir DIR] [--workers N]'

/** The --json document: the spec'd card fields in a fixed order, and the card diagnostics. */
export function cardsToJson(set: CardSet): object {
  return {
    cards: set.cards.map((c) => ({ id: c.id, kind: c.kind, front: c.front, back: c.back, note: c.note, section: c.section, line: c.line, entities: c.entities })),
    diagnostics: set.diagnostics,
  }
}

export function cardSummary(set: CardSet, folder: string, ms: number, samples = 3): string {
  const out: string[] = []
  const count = (key: (c: Card) => string) => {
    const m = new Map<string, number>()
    for (const c of set.cards) m.set(key(c), (m.get(key(c)) ?? 0) + 1)
    return [...m]
  }
  const withEntity = set.cards.filter((c) => c.entities.length > 0).length
  out.push(`Notes Graph cards: ${folder}`)
  out.push(`${set.cards.length} cards in ${(ms / 1000).toFixed(2)} s; ${set.cards.length ? Math.round((100 * withEntity) / set.cards.length) : 0}% name a service or concept`)
  out.push('', 'By kind:')
  for (const [k, n] of count((c) => c.kind).sort((a, b) => b[1] - a[1])) out.push(`  ${k.padEnd(11)} ${n}`)
  out.push('', 'By note:')
  for (const [k, n] of count((c) => c.note)) out.push(`  ${String(n).padStart(4)}  ${k}`)
  const short = (s: string, n = 90) => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\n/g, ' / ')
  out.push('', 'Samples:')
  for (const kind of ['tip', 'definition', 'table', 'user'] as const) {
    const of = set.cards.filter((c) => c.kind === kind)
    // spread over the folder rather than the first note only
    for (let i = 0; i < Math.min(samples, of.length); i++) {
      const c = of[Math.floor((i * of.length) / Math.min(samples, of.length))]
      out.push(`  [${kind}] ${c.note}:${c.line}`, `    Q: ${short(c.front)}`, `    A: ${short(c.back)}`)
    }
  }
  const d = set.diagnostics
  out.push('', `Diagnostics: ${d.length}`)
  for (const x of d.slice(0, 20)) out.push(`  ${x.severity.padEnd(7)} ${x.file}${x.line ? `:${x.line}` : ''}  [${x.code}] ${x.message}`)
  if (d.length > 20) out.push(`  … and ${d.length - 20} more (use --json for all)`)
  return out.join('\n')
}

export async function runCardsCli(argv: string[]): Promise<number> {
  let args: CliArgs
  try {
    args = parseCliArgs(argv)
  } catch (e) {
    process.stderr.write(`${PROG}: ${(e as Error).message}\n${USAGE}\n`)
    return 2
  }
  const t0 = performance.now()
  const vault = await openFolder(args, PROG)
  if (!vault) return 2
  const set = vault.cards()
  const ms = performance.now() - t0
  await vault.close()
  await write(args.json ? JSON.stringify(cardsToJson(set)) + '\n' : cardSummary(set, vault.root, ms) + '\n')
  return 0
}

/** Write to stdout; a reader that went away (`| head`) ends the output quietly. */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? resolve() : reject(e))
    process.stdout.on('error', onError)
    process.stdout.write(text, (e) => {
      if (e) onError(e)
      else resolve()
    })
  })
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCardsCli(process.argv.slice(2)).then(
    (code) => { process.exitCode = code },
    (e: unknown) => {
      process.stderr.write(`${PROG}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`)
      process.exitCode = 1
    },
  )
}
