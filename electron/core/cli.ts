// `npm run --silent graph -- <folder> [--json]`: index a notes folder and print a summary or the graph as JSON.
// With --json, stdout carries exactly one JSON document; everything else goes to stderr.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import type { EdgeType, Graph, GraphNode, NoteMeta } from './types'
import type { Ontology } from './ontology/types'
import { loadEntities } from './entities'
import { Vault } from './vault'
import { isVaultError } from './errors'
import { GraphBuilder } from './graph/index'
import { endQuietlyOnClosedPipe } from './quiet-pipe'
import { SnapshotDamagedError, packedEdgeCounts, saveSnapshot, snapshotFileFor } from './index/snapshot'

const USAGE = 'usage: npm run --silent graph -- <folder> [--json] [--no-cache] [--cache-dir DIR] [--workers N]'

export interface CliArgs {
  folder: string
  json: boolean
  cacheDir?: string | null
  workers?: number
}

export function parseCliArgs(argv: string[]): CliArgs {
  // node:util parses; the checks on values stay ours (unknown options and extra arguments are errors)
  let parsed: ReturnType<typeof parseCli>
  try {
    parsed = parseCli(argv)
  } catch (e) {
    throw new Error((e as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, ''), { cause: e })
  }
  const { values, positionals } = parsed
  const out: CliArgs = { folder: '', json: values.json ?? false }
  if (values['no-cache']) out.cacheDir = null
  else if (values['cache-dir'] !== undefined) out.cacheDir = path.resolve(values['cache-dir'])
  if (values.workers !== undefined) {
    const n = Number(values.workers)
    if (!Number.isInteger(n) || n < 0 || n > 64) throw new Error('--workers must be an integer 0-64')
    out.workers = n
  }
  if (positionals.length > 1) throw new Error(`unexpected argument ${positionals[1]}`)
  if (!positionals[0]) throw new Error('missing <folder>')
  out.folder = positionals[0]
  return out
}

function parseCli(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      'cache-dir': { type: 'string' },
      workers: { type: 'string' },
    },
  })
}

/** The --json document: spec'd node fields only, edges with their extras, sorted for stable output. */
export function graphToJson(g: Graph): object {
  const pick = (n: GraphNode) => {
    const o: Record<string, unknown> = { id: n.id, type: n.type, label: n.label }
    if (n.path !== undefined) o.path = n.path
    if (n.domain !== undefined) o.domain = n.domain
    if (n.category !== undefined) o.category = n.category
    if (n.parent !== undefined) o.parent = n.parent
    return o
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  return {
    nodes: [...g.nodes].sort(byId).map(pick),
    edges: [...g.edges].sort(byId).map((e) => {
      const o: Record<string, unknown> = { source: e.source, target: e.target, type: e.type }
      if (e.weight !== undefined) o.weight = e.weight
      o.id = e.id
      if (e.refs) o.refs = e.refs
      return o
    }),
    diagnostics: g.diagnostics,
  }
}

/** `edgeCounts`: the edges by type when `g.edges` does not hold them (see GraphBuilder.summaryParts). */
export function summary(g: Graph, folder: string, ms: number, edgeCounts?: Map<EdgeType, number>): string {
  const out: string[] = []
  const tally = <T>(items: T[], key: (x: T) => string) => {
    const m = new Map<string, number>()
    for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1)
    return m
  }
  const sorted = (m: Map<string, number>) => [...m].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const count = <T>(items: T[], key: (x: T) => string) => sorted(tally(items, key))
  // a warm start's edges stay packed: their counts were stored with them
  const byType: Map<string, number> = edgeCounts ?? packedEdgeCounts(g) ?? tally(g.edges, (x) => x.type)
  let edges = 0
  for (const n of byType.values()) edges += n
  out.push(`Notes Graph: ${folder}`)
  out.push(`Indexed in ${(ms / 1000).toFixed(2)} s: ${g.nodes.length} nodes, ${edges} edges`)
  out.push('', 'Nodes by type:')
  for (const [t, n] of count(g.nodes, (x) => x.type)) out.push(`  ${t.padEnd(10)} ${n}`)
  out.push('', 'Edges by type:')
  for (const [t, n] of sorted(byType)) out.push(`  ${t.padEnd(10)} ${n}`)
  const services = g.nodes.filter((n) => n.type === 'service').sort((a, b) => (b.noteCount ?? 0) - (a.noteCount ?? 0) || a.label.localeCompare(b.label))
  out.push('', 'Top services by number of notes:')
  if (services.length === 0) out.push('  (none)')
  for (const s of services.slice(0, 15)) out.push(`  ${String(s.noteCount ?? 0).padStart(4)}  ${s.label}`)
  const d = g.diagnostics
  out.push('', `Diagnostics: ${d.length}` + (d.length ? ` (${count(d, (x) => x.severity).map(([s, n]) => `${n} ${s}`).join(', ')})` : ''))
  for (const x of d.slice(0, 40)) out.push(`  ${x.severity.padEnd(7)} ${x.file || '.'}${x.line ? `:${x.line}` : ''}  [${x.code}] ${x.message}`)
  if (d.length > 40) out.push(`  … and ${d.length - 40} more (use --json for all)`)
  return out.join('\n')
}

/**
 * Index the folder of parsed arguments; a missing or unreadable folder prints one line on stderr and gives
 * undefined. Notes taken from the persisted index whose ctime changed have their content hashes checked (an
 * edit that kept size and mtime is re-parsed, and the warm snapshot's graph is then not used).
 */
export async function openFolder(args: CliArgs, prog: string, growing?: GrowingGraph, opts: { readSnapshotLater?: boolean } = {}): Promise<Vault | undefined> {
  try {
    const vault = await Vault.open(args.folder, { cacheDir: args.cacheDir, workers: args.workers, onNote: growing && ((m) => growing.add(m)), readSnapshotLater: opts.readSnapshotLater, oneShot: true })
    // one run, nothing served before the check: trust an unchanged ctime, read the rest (index/verify.ts)
    const changed = vault.stats.reused ? await vault.verifyContent({ trustCtime: true }) : []
    if (changed.length) {
      if (growing) growing.usable = false
      vault.takeWarmGraph()
      await vault.update(changed)
    }
    return vault
  } catch (e) {
    if (isVaultError(e)) {
      process.stderr.write(`${prog}: ${e.message}\n`)
      return undefined
    }
    throw e
  }
}

/**
 * The graph built while the workers parse (each note as it arrives, as the backend does), so the main thread's
 * share overlaps the parse instead of following it. Unusable when the open re-parsed notes afterwards.
 */
export class GrowingGraph {
  readonly builder: GraphBuilder
  readonly delivered = new Set<string>()
  usable = true
  /** @param wholeGraph the output or the snapshot needs every edge: each note's own edges are made as it arrives */
  constructor(ontology: Ontology, wholeGraph = true) {
    this.builder = new GraphBuilder(ontology, { deferEdgeIndex: true, edgesAsNotesArrive: wholeGraph })
  }
  add(m: NoteMeta): void {
    this.builder.setNote(m)
    this.delivered.add(m.path)
  }
}

/** The builder with every note of the index (the one grown during the parse, when usable) and the diagnostics. */
function completeBuilder(vault: Vault, growing?: GrowingGraph): GraphBuilder {
  let builder: GraphBuilder
  if (growing?.usable) {
    // the rest as the backend does it: notes not delivered during the parse, and those whose links changed
    builder = growing.builder
    for (const m of vault.metas()) if (!growing.delivered.has(m.path)) builder.setNote(m)
    for (const m of vault.relinkedOnOpen) builder.setNote(m)
  } else {
    builder = new GraphBuilder(vault.entities.ontology, { deferEdgeIndex: true })
    for (const m of vault.metas()) builder.setNote(m)
  }
  builder.setDiagnostics(vault.diagnostics())
  return builder
}

/** Build the graph and store it as the next run's warm-start snapshot. */
async function buildAndSnapshot(vault: Vault, builder: GraphBuilder): Promise<Graph> {
  const graph = builder.graph()
  if (vault.cacheFile) await saveSnapshot(snapshotFileFor(vault.cacheFile), vault.snapshotInput(graph)).catch(() => {})
  return graph
}

export async function runCli(argv: string[]): Promise<number> {
  let args: CliArgs
  try {
    args = parseCliArgs(argv)
  } catch (e) {
    process.stderr.write(`notes-graph: ${(e as Error).message}\n${USAGE}\n`)
    return 2
  }
  const t0 = performance.now()
  let text: string | undefined
  try {
    // the snapshot's parts the output may not need (full edges, notes' details) stay on disk until read
    text = await indexAndRender(args, t0, true)
  } catch (e) {
    if (!(e instanceof SnapshotDamagedError)) throw e
    // one of them, read only now, is damaged: again, with the whole snapshot checked at load, which then finds
    // the damage, says so and indexes the folder again (the JSON index and parsing; a new snapshot is written)
    text = await indexAndRender(args, t0, false)
  }
  if (text === undefined) return 2
  process.stdout.write(text + '\n')
  return 0
}

/** The output of one run (undefined when the folder cannot be opened: the message is on stderr). */
async function indexAndRender(args: CliArgs, t0: number, readSnapshotLater: boolean): Promise<string | undefined> {
  // only the output and the snapshot need every edge (see below)
  const growing = new GrowingGraph((await loadEntities()).ontology, args.json || args.cacheDir !== null)
  const vault = await openFolder(args, 'notes-graph', growing, { readSnapshotLater })
  if (!vault) return undefined
  try {
    const warm = vault.takeWarmGraph()
    const builder = warm ? undefined : completeBuilder(vault, growing)
    if (builder && !args.json && !vault.cacheFile) {
      // a summary with no snapshot to write: counted from the builder, no edge is materialized
      const { nodes, edgeCounts } = builder.summaryParts()
      return summary({ nodes, edges: [], diagnostics: builder.graphDiagnostics }, vault.root, performance.now() - t0, edgeCounts)
    }
    const graph = warm ?? (await buildAndSnapshot(vault, builder!))
    const ms = performance.now() - t0
    // (rendered before the output is written: a damaged part found here still leaves stdout untouched)
    return args.json ? JSON.stringify(graphToJson(graph)) : summary(graph, vault.root, ms)
  } finally {
    await vault.close()
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  endQuietlyOnClosedPipe()
  runCli(process.argv.slice(2)).then(
    (code) => { process.exitCode = code },
    (e: unknown) => {
      process.stderr.write(`notes-graph: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`)
      process.exitCode = 1
    },
  )
}
