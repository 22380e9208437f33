// TEMPORARY stand-in for electron/core/backend.ts while the engine helper writes it: a naive scan of a
// folder (notes, domains, services matched by name from the reference facts). Delete once the real one exists.
import fs from 'node:fs'
import path from 'node:path'
import type { Heading, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { parseMarkdown } from '../core/parse/processor'
import { createSlugger } from '../core/parse/slug'
import type { Graph, GraphChange, GraphEdge, GraphNode, IndexProgress, Mention, NoteDoc, Section, Snippet } from '../core/types'
import type { Settings, ViewState } from '../shared/contract'
import type { WebBackend } from './server'

interface RefService { name: string; category: string; aliases: string[] }

function loadServices(): RefService[] {
  const file = path.resolve(import.meta.dirname, '../../../shared/reference/aws-exams-and-services.json')
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { services: RefService[] }
    return data.services
  } catch {
    return [{ name: 'AWS Glue', category: 'Analytics', aliases: ['Glue'] }, { name: 'Amazon S3', category: 'Storage', aliases: ['S3'] }]
  }
}

const kebab = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function createStubBackend(opts: { folder: string; watch?: boolean }): WebBackend {
  const folder = path.resolve(opts.folder)
  const services = loadServices()
  const matchers = services.map((s) => ({
    id: `service:${kebab(s.name)}`,
    re: new RegExp(`\\b(${[s.name, ...s.aliases.filter((a) => a.length > 3)].map(escapeRe).join('|')})\\b`, 'g'),
    svc: s,
  }))
  let notes = new Map<string, NoteDoc>()
  let graph: Graph = { nodes: [], edges: [], diagnostics: [] }
  const changeListeners = new Set<(c: GraphChange) => void>()
  const progressListeners = new Set<(p: IndexProgress) => void>()
  let settings: Settings = { theme: 'system', recentFolders: [] }
  let viewState: ViewState = {}

  function readNote(rel: string): NoteDoc {
    const text = fs.readFileSync(path.join(folder, rel), 'utf8')
    const fm = /^---\n[\s\S]*?\n---\n/.exec(text)
    const markdown = fm ? text.slice(fm[0].length) : text
    const lineOffset = fm ? fm[0].split('\n').length - 1 : 0
    const root: Root = parseMarkdown(markdown)
    const slug = createSlugger()
    const sections: Section[] = []
    for (const node of root.children) {
      if (node.type !== 'heading') continue
      const h = node as Heading
      sections.push({ id: slug(toString(h)), title: toString(h), depth: h.depth, line: h.position!.start.line, endLine: 0 })
    }
    const lines = markdown.split('\n')
    sections.forEach((s, i) => { s.endLine = (sections[i + 1]?.line ?? lines.length + 1) - 1 })
    const sectionAt = (line: number) => [...sections].reverse().find((s) => s.line <= line)?.id ?? ''
    const mentions: Mention[] = []
    lines.forEach((l, i) => {
      for (const m of matchers) {
        m.re.lastIndex = 0
        for (let hit = m.re.exec(l); hit; hit = m.re.exec(l)) {
          mentions.push({ entity: m.id, text: hit[0], line: i + 1, column: hit.index + 1, section: sectionAt(i + 1) })
        }
      }
    })
    const domain = /^D(\d)/.exec(rel)?.[0]
    const st = fs.statSync(path.join(folder, rel))
    return {
      path: rel, title: sections[0]?.title ?? rel, domain, tags: [], sections, links: [], mentions,
      size: st.size, mtimeMs: st.mtimeMs, hash: String(st.mtimeMs), markdown, lineOffset,
    }
  }

  function scan(): void {
    const found: string[] = []
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(folder, dir), { withFileTypes: true })) {
        if (e.name.startsWith('.')) continue
        const rel = dir ? `${dir}/${e.name}` : e.name
        if (e.isDirectory()) walk(rel)
        else if (e.name.endsWith('.md')) found.push(rel)
      }
    }
    walk('')
    notes = new Map(found.map((rel) => [rel, readNote(rel)]))
    const nodes = new Map<string, GraphNode>()
    const edges: GraphEdge[] = []
    for (const n of notes.values()) {
      const id = `note:${n.path}`
      nodes.set(id, { id, type: 'note', label: n.title, path: n.path, domain: n.domain })
      if (n.domain) {
        const did = `domain:${n.domain}`
        if (!nodes.has(did)) nodes.set(did, { id: did, type: 'domain', label: `Domain ${n.domain.slice(1)}`, domain: n.domain })
        edges.push({ id: `${did}->${id}`, source: did, target: id, type: 'contains' })
      }
      const counts = new Map<string, Mention[]>()
      for (const m of n.mentions) counts.set(m.entity, [...(counts.get(m.entity) ?? []), m])
      for (const [entity, ms] of counts) {
        const svc = matchers.find((x) => x.id === entity)!.svc
        const existing = nodes.get(entity)
        if (existing) existing.noteCount = (existing.noteCount ?? 0) + 1
        else nodes.set(entity, { id: entity, type: 'service', label: svc.name, category: svc.category, aliases: svc.aliases, noteCount: 1 })
        edges.push({ id: `${id}->${entity}`, source: id, target: entity, type: 'mentions', weight: ms.length,
          refs: ms.slice(0, 50).map((m) => ({ line: m.line, section: m.section })) })
      }
    }
    graph = { nodes: [...nodes.values()], edges, diagnostics: [] }
  }

  scan()
  if (opts.watch) {
    let timer: NodeJS.Timeout | undefined
    try {
      fs.watch(folder, { recursive: true }, (_e, name) => {
        if (!name || !String(name).endsWith('.md')) return
        clearTimeout(timer)
        timer = setTimeout(() => {
          try { scan() } catch { return }
          for (const l of changeListeners) l({ folder, changed: [String(name)], graph })
        }, 150)
      })
    } catch { /* watching is best effort in the stub */ }
  }

  const snippetOf = (n: NoteDoc, m: Mention): Snippet => ({
    path: n.path, noteTitle: n.title, section: m.section,
    sectionTitle: n.sections.find((s) => s.id === m.section)?.title ?? '', line: m.line,
    text: n.markdown.split('\n')[m.line - 1]?.slice(0, 240) ?? '',
  })

  return {
    getFolder: () => ({ folder, bundled: false, noteCount: notes.size }),
    getGraph: () => graph,
    getNote: (p) => {
      const n = notes.get(p)
      if (!n) throw Object.assign(new Error(`no such note: ${p}`), { code: 'NOT_FOUND' })
      return n
    },
    getMentions: (entity) => {
      const mentions: Snippet[] = []
      const score = new Map<string, number>()
      for (const n of notes.values()) for (const m of n.mentions) if (m.entity === entity) {
        mentions.push(snippetOf(n, m))
        const key = `${n.path}#${m.section}`
        score.set(key, (score.get(key) ?? 0) + 1)
      }
      let best: { path: string; section: string; line: number } | undefined
      let top = 0
      for (const s of mentions) {
        const c = score.get(`${s.path}#${s.section}`)!
        if (c > top) { top = c; best = { path: s.path, section: s.section, line: s.line } }
      }
      return { entity, best, mentions }
    },
    neighbourhood: (id) => {
      const es = graph.edges.filter((e) => e.source === id || e.target === id)
      return { nodes: [id, ...es.map((e) => (e.source === id ? e.target : e.source))], edges: es.map((e) => e.id) }
    },
    overlap: (ids) => ({ ids, sections: [], notes: [], sharedNeighbours: [], unique: {}, paths: [] }),
    centrality: () => ({ degree: {}, betweenness: {} }),
    exams: () => [],
    coverageGaps: () => [],
    renamed: () => [],
    search: (q, limit) => graph.nodes
      .filter((n) => n.label.toLowerCase().includes(q.toLowerCase()))
      .slice(0, limit)
      .map((n) => ({ kind: 'node' as const, id: n.id, label: n.label, score: 1 })),
    openFolder: () => null,
    reload: () => { scan(); return { folder, bundled: false, noteCount: notes.size } },
    getSettings: () => settings,
    setSettings: (patch) => (settings = { ...settings, ...patch }),
    getViewState: () => viewState,
    setViewState: (s) => { viewState = s },
    onChange: (l) => { changeListeners.add(l); return () => changeListeners.delete(l) },
    onProgress: (l) => { progressListeners.add(l); return () => progressListeners.delete(l) },
    close: () => undefined,
  }
}
