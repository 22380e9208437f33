// The shareable part of the view, kept in the URL hash as query parameters:
//   #?view=<name>&select=<id>&compare=<id>,<id>&depth=<n>&exam=<code>[,<code>]&layout=<name>&size=<metric>&filter=<f>
// where <f> is `;`-separated `key:value,value` pairs, e.g. `type:service,concept;domain:D1;minw:2;orphans`.
// Values are percent-encoded except `:` and `/`, so ids such as `service:aws-glue` stay readable.
import type { NodeType } from '../../../electron/core/types'
import type { LayoutName, SizeBy } from '../graph/controller'
import { VIEW_NAMES, type ViewName } from '../graph/views'

export interface FilterState {
  types?: NodeType[]
  domains?: string[]
  categories?: string[]
  examScope?: string
  minEdgeWeight?: number
  hideOrphans?: boolean
}

export interface HashState {
  select?: string
  compare?: string[]
  /** local graph depth around the selection (1–3); absent means the global graph */
  depth?: number
  /** one exam for the overlay, two for the cross-exam overlap */
  exams?: string[]
  layout?: LayoutName
  view?: ViewName
  size?: SizeBy
  filter?: FilterState
}

const NODE_TYPES: NodeType[] = ['domain', 'note', 'service', 'concept', 'tag']
const LAYOUTS: LayoutName[] = ['grouped', 'force', 'concentric', 'lanes']
const SIZES: SizeBy[] = ['degree', 'betweenness']
const MAX_ID = 512

const enc = (s: string): string => encodeURIComponent(s).replace(/%3A/gi, ':').replace(/%2F/gi, '/')

function dec(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}

const encList = (xs: string[]): string => xs.map(enc).join(',')

function decList(raw: string): string[] {
  const out: string[] = []
  for (const part of raw.split(',')) {
    const v = dec(part)
    if (v && v.length <= MAX_ID && !out.includes(v)) out.push(v)
  }
  return out
}

export function encodeFilter(f: FilterState): string {
  const parts: string[] = []
  if (f.types?.length) parts.push(`type:${encList(f.types)}`)
  if (f.domains?.length) parts.push(`domain:${encList(f.domains)}`)
  if (f.categories?.length) parts.push(`cat:${encList(f.categories)}`)
  if (f.examScope) parts.push(`scope:${enc(f.examScope)}`)
  if (f.minEdgeWeight && f.minEdgeWeight > 1) parts.push(`minw:${f.minEdgeWeight}`)
  if (f.hideOrphans) parts.push('orphans')
  return parts.join(';')
}

export function decodeFilter(raw: string): FilterState {
  const f: FilterState = {}
  for (const part of raw.split(';')) {
    const colon = part.indexOf(':')
    const key = colon < 0 ? part : part.slice(0, colon)
    const value = colon < 0 ? '' : part.slice(colon + 1)
    if (key === 'type') {
      const types = decList(value).filter((t): t is NodeType => NODE_TYPES.includes(t as NodeType))
      if (types.length) f.types = types
    } else if (key === 'domain') {
      const domains = decList(value)
      if (domains.length) f.domains = domains
    } else if (key === 'cat') {
      const cats = decList(value)
      if (cats.length) f.categories = cats
    } else if (key === 'scope') {
      const scope = dec(value)
      if (scope && scope.length <= 32) f.examScope = scope
    } else if (key === 'minw') {
      const w = Number(value)
      if (Number.isFinite(w) && w > 1 && w <= 1000) f.minEdgeWeight = Math.floor(w)
    } else if (key === 'orphans') {
      f.hideOrphans = true
    }
  }
  return f
}

export function isEmptyFilter(f: FilterState | undefined): boolean {
  return !f || encodeFilter(f) === ''
}

/** State → `#?…` (or '' when there is nothing to say). */
export function encodeHash(s: HashState): string {
  const params: string[] = []
  if (s.view) params.push(`view=${s.view}`)
  if (s.select) params.push(`select=${enc(s.select)}`)
  if (s.compare?.length) params.push(`compare=${encList(s.compare)}`)
  if (s.depth) params.push(`depth=${s.depth}`)
  if (s.exams?.length) params.push(`exam=${encList(s.exams)}`)
  if (s.layout) params.push(`layout=${s.layout}`)
  if (s.size) params.push(`size=${s.size}`)
  const filter = s.filter ? encodeFilter(s.filter) : ''
  if (filter) params.push(`filter=${filter}`)
  return params.length ? `#?${params.join('&')}` : ''
}

/** `#?…` → state. Unknown keys and bad values are dropped, never thrown. */
export function decodeHash(hash: string): HashState {
  const s: HashState = {}
  const q = hash.replace(/^#/, '').replace(/^\?/, '')
  if (!q) return s
  for (const pair of q.split('&')) {
    const eq = pair.indexOf('=')
    const key = eq < 0 ? pair : pair.slice(0, eq)
    const value = eq < 0 ? '' : pair.slice(eq + 1)
    switch (key) {
      case 'select': {
        const id = dec(value)
        if (id && id.length <= MAX_ID) s.select = id
        break
      }
      case 'compare': {
        const ids = decList(value).slice(0, 4)
        if (ids.length) s.compare = ids
        break
      }
      case 'depth': {
        const d = Number(value)
        if (d === 1 || d === 2 || d === 3) s.depth = d
        break
      }
      case 'exam': {
        const exams = decList(value).filter((e) => e.length <= 32).slice(0, 2)
        if (exams.length) s.exams = exams
        break
      }
      case 'view':
        if (VIEW_NAMES.includes(value as ViewName)) s.view = value as ViewName
        break
      case 'layout':
        if (LAYOUTS.includes(value as LayoutName)) s.layout = value as LayoutName
        break
      case 'size':
        if (SIZES.includes(value as SizeBy)) s.size = value as SizeBy
        break
      case 'filter': {
        const f = decodeFilter(value)
        if (!isEmptyFilter(f)) s.filter = f
        break
      }
    }
  }
  return s
}

/** True when the hash carries view parameters (so it wins over the remembered view). */
export function hasViewParams(hash: string): boolean {
  return encodeHash(decodeHash(hash)) !== ''
}
