// The progressive open: the first phase has every note and link, services and concepts join in batches, and
// the graph at the end is the one a one-shot index builds (same nodes and edges, same data).
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createBackend, type Backend, type BackendOptions } from '../backend'
import type { Graph, GraphChange } from '../types'
import { generateVault } from '../../../bench/generate'
import { quickNoteMeta } from './quick-scan'
import { Vault } from '../vault'
import { LinkIndex, resolveNoteLinks } from '../parse/links'
import { parseNote } from '../parse/note'
import { applyGraphDelta } from '../graph/delta'

const repo = path.resolve(import.meta.dirname, '../../..')
const content = path.join(repo, 'content')
let tmp: string
let generated: string
const open: Backend[] = []

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ng-progressive-'))
  generated = generateVault(path.join(tmp, 'vault'), 120, 7).dir
  return () => rmSync(tmp, { recursive: true, force: true })
})

afterEach(async () => {
  for (const b of open.splice(0)) await b.close()
})

async function backendFor(folder: string, extra: Partial<BackendOptions> = {}): Promise<Backend> {
  const b = await createBackend({
    folder, bundledFolder: content, cacheDir: null, settingsDir: mkdtempSync(path.join(tmp, 'state-')), ...extra,
  })
  open.push(b)
  return b
}

/** Nodes and edges by id, each with all its data: two graphs are the same when these are equal. */
function canonical(g: Graph): { nodes: unknown[]; edges: unknown[] } {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { nodes: byId(g.nodes), edges: byId(g.edges) }
}

/** `graphs`: the graph after each change event, as a page following them from `first` holds it. */
interface Run { first: Graph; changes: GraphChange[]; graphs: Graph[]; final: Graph; backend: Backend }

async function progressive(folder: string, workers: number, extra: Partial<BackendOptions> = {}): Promise<Run> {
  const changes: GraphChange[] = []
  const backend = await backendFor(folder, { progressiveFrom: 0, batchMs: 20, workers, onChange: (c) => changes.push(c), ...extra })
  const first = backend.getGraph()
  await backend.whenIndexed()
  const graphs: Graph[] = []
  let cur = first
  for (const c of changes) graphs.push((cur = c.graph ?? applyGraphDelta(cur, c.delta!)))
  return { first, changes, graphs, final: backend.getGraph(), backend }
}

const cases: Array<[string, () => string, number, Partial<BackendOptions>]> = [
  ['the bundled notes', () => content, 0, {}],
  ['a generated vault (workers)', () => generated, 2, {}],
  // a big graph is served as its display subset: that one is partial while indexing too
  ['a generated vault drawn as a big graph\'s display subset', () => generated, 2, { displayAboveEdges: 50 }],
]
for (const [name, folder, workers, extra] of cases) {
  describe(`progressive open of ${name}`, { timeout: 240_000 }, () => {
    let oneShot: Graph
    let run: Run
    beforeAll(async () => {
      const b = await backendFor(folder(), { workers, ...extra })
      oneShot = b.getGraph()
      await b.close()
      run = await progressive(folder(), workers, extra)
    }, 240_000)

    it('ends with the graph a one-shot index builds, and says when it is complete', () => {
      expect(run.first.display !== undefined).toBe(extra.displayAboveEdges !== undefined)
      expect(run.first.partial).toBe(true)
      expect(run.final.partial).toBeUndefined()
      expect(canonical(run.final)).toEqual(canonical(oneShot))
      expect(run.final.diagnostics).toEqual(oneShot.diagnostics)
      // the last change event carries the complete graph; the ones before it are partial
      const last = run.graphs.at(-1)!
      expect(last.partial).toBeUndefined()
      expect(canonical(last)).toEqual(canonical(oneShot))
      expect(run.graphs.slice(0, -1).every((g) => g.partial)).toBe(true)
      expect(run.backend.getIndexProgress()).toBeNull()
      expect(run.backend.getFolder().noteCount).toBe(oneShot.nodes.filter((n) => n.type === 'note').length)
    })

    it('shows every note, domain and note link in the first phase', () => {
      const { first } = run
      const wanted = oneShot.nodes.filter((n) => n.type === 'note' || n.type === 'domain')
      expect(wanted.length).toBeGreaterThan(20)
      for (const n of wanted) expect(first.nodes.find((x) => x.id === n.id), n.id).toEqual(n)
      const links = (g: Graph) => g.edges.filter((e) => e.type === 'links-to' || e.type === 'contains').map((e) => e.id).sort()
      expect(links(oneShot).length).toBeGreaterThan(20)
      expect(links(first)).toEqual(links(oneShot))
    })

    if (workers > 0) {
      it('adds services and concepts while the workers parse, each batch a partial graph', () => {
        const entities = (g: Graph) => g.nodes.filter((n) => n.type === 'service' || n.type === 'concept').length
        expect(entities(run.first)).toBeLessThan(entities(oneShot))
        for (const g of run.graphs) expect(entities(g)).toBeLessThanOrEqual(entities(oneShot))
        const counts = run.graphs.map((g) => entities(g))
        expect(counts).toEqual([...counts].sort((a, b) => a - b)) // they only join, never leave
      })
    }
  })
}

describe('progressive open, threshold', () => {
  it('a small cold index (below the threshold) resolves complete, with no partial phase', async () => {
    const changes: GraphChange[] = []
    const b = await backendFor(content, { progressiveFrom: 1000, workers: 0, onChange: (c) => changes.push(c) })
    expect(b.getGraph().partial).toBeUndefined()
    expect(changes).toEqual([])
  }, 120_000)
})

describe('quick scan', { timeout: 240_000 }, () => {
  it('reads title, domain, tags and links like the parser on the bundled notes and a generated vault', async () => {
    for (const folder of [content, generated]) {
      const vault = await Vault.open(folder, { cacheDir: null, workers: 0 })
      const metas = vault.metas()
      const index = new LinkIndex(metas.map((m) => m.path))
      for (const full of metas) {
        const quick = quickNoteMeta(full.path, readFileSync(vault.abs(full.path), 'utf8'), full)
        resolveNoteLinks(quick, index)
        const resolved = (links: typeof full.links) => links.map((l) => l.resolved).filter(Boolean).sort()
        expect({ title: quick.title, domain: quick.domain, tags: [...quick.tags].sort(), links: resolved(quick.links) }, full.path)
          .toEqual({ title: full.title, domain: full.domain, tags: [...full.tags].sort(), links: resolved(full.links) })
      }
      await vault.close()
    }
  })

  it('skips code, images and link urls the way the parser does', () => {
    const text = [
      '---', 'title: From YAML', 'tags: [a]', '---', '# Heading *one*', '',
      '```md', '[not](x.md) #nottag [[nope]]', '```', '',
      'See [B](b.md), ![img](c.md) and `[code](d.md)` with [[Wiki|shown]] #real-tag.',
      '', '[ref]: e.md', '[jump](#section) (#paren)', '[not]: a definition inside a paragraph.md',
    ].join('\n')
    const m = quickNoteMeta('D2_x/n.md', text, { size: text.length, mtimeMs: 0, hash: '' })
    const full = parseNote({ path: 'D2_x/n.md', text, size: text.length, mtimeMs: 0, hash: '' }).meta
    expect({ ...m, sections: full.sections }).toEqual(full)
    expect(m.title).toBe('From YAML')
    expect(m.domain).toBe('D2')
    expect(m.tags.sort()).toEqual(['a', 'paren', 'real-tag'])
    expect(m.links.map((l) => `${l.kind}:${l.target}@${l.line}`)).toEqual(['markdown:b.md@11', 'wikilink:Wiki@11', 'markdown:e.md@13', 'markdown:#section@14'])
  })

  it('takes the first H1 (ATX or setext) as the title when the frontmatter has none', () => {
    const meta = (t: string) => quickNoteMeta('n.md', t, { size: 0, mtimeMs: 0, hash: '' })
    expect(meta('intro\n\n## Two\n\n# The **One** [x](y.md)\n').title).toBe('The One x')
    expect(meta('Setext `title`\n===\n').title).toBe('Setext title')
    expect(meta('no heading\n').title).toBe('n')
  })
})
