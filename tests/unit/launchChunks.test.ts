// The launch fetches, compiles and runs only what the renderer's entry and the app chunk import statically (the bundler puts
// everything else in chunks loaded on demand). These tests walk that static import graph from
// renderer/src/main.tsx and boot.tsx and fail when a panel the first frame does not show, or the markdown stack, is
// pulled back into it (e.g. by a plain `import { NotePanel } from './note/NotePanel'` in App.tsx).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx']

/** The module a relative specifier names (the bundler's resolution for our own sources). */
function resolveLocal(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec)
  if (/\.(css|svg|json)$/.test(spec)) return null
  if (fs.existsSync(base) && fs.statSync(base).isFile()) return base
  for (const ext of EXTENSIONS) if (fs.existsSync(base + ext)) return base + ext
  throw new Error(`${path.relative(root, from)}: cannot resolve ${spec}`)
}

/** Specifiers a source file imports at run time (type-only imports are erased; `import()` is not static). */
export function staticImports(source: string): string[] {
  const out: string[] = []
  const stripped = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?([\s\S]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g
  for (const m of stripped.matchAll(re)) {
    if (m[5]) { out.push(m[5]); continue }
    if (m[2]) continue // import type / export type
    // `export { a }` with no `from` is matched only up to a later `from`: keep clauses that look like import clauses
    if (/[;=()]/.test(m[3])) continue
    out.push(m[4])
  }
  return out
}

/** Every module and package reachable from the entry by static imports. */
function launchGraph(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    for (const spec of staticImports(fs.readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const next = resolveLocal(file, spec)
        if (next) visit(next)
      } else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0])
    }
  }
  for (const e of entries) visit(e)
  return { files, packages }
}

// main.tsx loads boot.tsx with import(), and index.html modulepreloads it: both are the launch
const launch = launchGraph(['renderer/src/main.tsx', 'renderer/src/boot.tsx'].map((f) => path.join(root, f)))
const rel = (f: string) => path.relative(root, f).split(path.sep).join('/')

describe('the launch chunks (static imports from renderer/src/main.tsx and boot.tsx)', () => {
  it('hold the shell and the graph view', () => {
    // the walk itself works: what the first frame needs is there
    const files = [...launch.files].map(rel)
    expect(files).toContain('renderer/src/App.tsx')
    expect(files).toContain('renderer/src/graph/cyController.ts')
    expect(files).toContain('renderer/src/features/Filters.tsx')
    expect([...launch.packages]).toEqual(expect.arrayContaining(['react', 'react-dom', 'cytoscape']))
  })

  it('leave out the panels the first frame does not show', () => {
    const lazy = [
      'renderer/src/note/NotePanel.tsx',
      'renderer/src/note/Markdown.tsx',
      'renderer/src/study/StudyPanel.tsx',
      'renderer/src/components/DiagnosticsPanel.tsx',
      'renderer/src/components/NodeList.tsx',
      'renderer/src/features/Compare.tsx',
      'renderer/src/features/ExamOverlay.tsx',
      'renderer/src/features/Renamed.tsx',
      'renderer/src/features/ViewPanel.tsx',
    ]
    const files = new Set([...launch.files].map(rel))
    expect(lazy.filter((f) => fs.existsSync(path.join(root, f)))).toEqual(lazy)
    expect(lazy.filter((f) => files.has(f))).toEqual([])
  })

  it('leave out the markdown stack and the force layout', () => {
    const heavy = ['react-markdown', 'remark-gfm', 'rehype-sanitize', 'unified', 'cytoscape-fcose']
    expect(heavy.filter((p) => launch.packages.has(p))).toEqual([])
  })

  it('see an import that pulls a lazy panel back in', () => {
    expect(staticImports("import { NotePanel } from './note/NotePanel'\nimport type { X } from './x'\nconst m = import('./y')")).toEqual(['./note/NotePanel'])
    expect(staticImports("export { Compare } from './Compare'\nimport './a.css'")).toEqual(['./Compare', './a.css'])
  })
})
