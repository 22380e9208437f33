// The one IPC contract: every call between renderer and backend is listed here.
// Main registers handlers from it, the preload builds `window.api` from it, the web host
// serves it as `POST /api/<method>`, and the renderer's client is typed by it.
import type {
  EntityMentions,
  ExamInfo,
  FolderInfo,
  Graph,
  GraphChange,
  IndexProgress,
  NoteDoc,
  OverlapResult,
  RenamedUse,
  SearchHit,
} from '../core/types'
import { studyValidators, type StudyApi } from './study-contract'
import type { CardSet } from '../core/study/types'
import type { CompareResult, Confusables } from '../core/compare/types'
import type { ExamOverlap } from '../core/compare/examOverlap'
import type { NeighbourhoodOptions } from '../core/graph/adjacency'
import type { ServiceMapEdge } from '../core/graph/serviceMap'

export type { ServiceMapEdge } from '../core/graph/serviceMap'

export type MenuCommand =
  | 'open-folder'
  | 'search'
  | 'reload'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-fit'
  | 'toggle-theme'

export type ThemeSetting = 'system' | 'light' | 'dark'

export interface Settings {
  theme: ThemeSetting
  /** last opened folder (absolute); undefined means the bundled notes */
  lastFolder?: string
  recentFolders: string[]
}

/** Per-folder view state the renderer keeps (filters, pinned positions, last URL hash). */
export type ViewState = Record<string, unknown>

export interface Centrality {
  degree: Record<string, number>
  betweenness: Record<string, number>
}

export interface Neighbourhood {
  nodes: string[]
  edges: string[]
}

export interface SaveFileRequest {
  defaultName: string
  /** text, or base64 when `base64` is true */
  data: string
  base64?: boolean
}

/** Backend calls. Every method returns a promise in the renderer. Study mode: see study-contract.ts. */
export interface Api extends StudyApi {
  getFolder(): FolderInfo
  getGraph(): Graph
  getNote(path: string): NoteDoc
  /** the notes among `paths` that can be read, in that order (one that cannot is left out: its own getNote says why) */
  getNotes(paths: string[]): NoteDoc[]
  getMentions(entityId: string): EntityMentions
  /** `opts` limits the walk to what the canvas shows (node types, edge weights): the local graph */
  neighbourhood(id: string, depth: number, opts?: NeighbourhoodOptions): Neighbourhood
  overlap(ids: string[]): OverlapResult
  /** decision card of 2–4 services/concepts, neighbours ranked by specificity, notes mentioning all */
  compare(ids: string[]): CompareResult
  /** confusable groups (comparison tables, "vs", name families) and the "often confused" pairs from them */
  confusables(): Confusables
  /** services in scope of both exams (a feature or parent listed by the other exam counts, with `via`) */
  examOverlap(a: string, b: string): ExamOverlap
  centrality(): Centrality
  exams(): ExamInfo[]
  coverageGaps(examCode: string): string[]
  renamed(): RenamedUse[]
  /** Study cards of every note, ordered by note path then line, with their diagnostics. */
  getCards(): CardSet
  search(query: string, limit: number): SearchHit[]
  /** the services map's edges (part-of, compared-in, used-together), each with its reason and evidence */
  serviceMap(): ServiceMapEdge[]
  /** Without a path the desktop app shows a folder picker; returns null when cancelled. */
  openFolder(path?: string): FolderInfo | null
  reload(): FolderInfo
  getSettings(): Settings
  setSettings(patch: Partial<Settings>): Settings
  getViewState(): ViewState
  setViewState(state: ViewState): void
  openExternal(url: string): boolean
  /** Desktop: save dialog; returns the path written or null when cancelled. */
  saveFile(req: SaveFileRequest): string | null
  /** Problems with the user's state files since launch (a damaged file kept aside…), one sentence each. */
  getNotices(): string[]
  /** The folder's indexing progress while it is being indexed (the graph is `partial` meanwhile), else null. */
  getIndexProgress(): IndexProgress | null
  /**
   * The version of the last graph change the host sent. A page whose graph is older missed a change (it came
   * before the page listened) and fetches the graph again; no later change would tell it so.
   */
  graphVersion(): number
}

export type ApiMethod = keyof Api
export type ApiArgs<M extends ApiMethod> = Parameters<Api[M]>
export type ApiResult<M extends ApiMethod> = ReturnType<Api[M]>

/** Events pushed from the backend to the renderer. */
export interface ApiEvents {
  graphChanged: GraphChange
  progress: IndexProgress
  menu: MenuCommand
  /** the web host's event stream, as it (re)connects: graphVersion at that moment (later changes follow on it) */
  graphVersion: number
}
export type ApiEvent = keyof ApiEvents

/** What the renderer sees as `window.api`. */
export type RendererApi = {
  [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<Awaited<ApiResult<M>>>
} & {
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
  /** Desktop only (preload): the filesystem path of a dropped file or folder. */
  pathForFile?: (file: File) => string
}

export const channelOf = (method: ApiMethod): string => `api:${method}`
export const eventChannelOf = (event: ApiEvent): string => `event:${event}`

// ---- argument validation: one validator per method, used by main and the web host ----

const MAX_PATH = 4096
/** getNotes: the reader asks for its likely notes ahead of clicks, a few dozen at a time */
export const MAX_NOTES_ASKED = 200
const isStr = (v: unknown, max = MAX_PATH): v is string => typeof v === 'string' && v.length > 0 && v.length <= max
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype
const none = (a: unknown[]) => a.length === 0

const NODE_TYPES = new Set(['domain', 'note', 'service', 'concept', 'tag'])
const isWeight = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1e6)
function isNeighbourhoodOptions(v: unknown): boolean {
  if (!isPlainObject(v)) return false
  for (const [k, val] of Object.entries(v)) {
    if (k === 'types') { if (val !== undefined && !(Array.isArray(val) && val.length <= 5 && val.every((t) => NODE_TYPES.has(t as string)))) return false }
    else if (k === 'minWeight' || k === 'minRelatedWeight') { if (!isWeight(val)) return false }
    else if (k === 'over') { if (val !== undefined && val !== 'service-map') return false }
    else return false
  }
  return true
}

const THEMES: ThemeSetting[] = ['system', 'light', 'dark']
function isSettingsPatch(v: unknown): boolean {
  if (!isPlainObject(v)) return false
  for (const [k, val] of Object.entries(v)) {
    if (k === 'theme') { if (!THEMES.includes(val as ThemeSetting)) return false }
    else if (k === 'lastFolder') { if (val !== undefined && !isStr(val)) return false }
    else if (k === 'recentFolders') {
      if (!Array.isArray(val) || val.length > 20 || !val.every((x) => isStr(x))) return false
    } else return false
  }
  return true
}

export const validators: { [M in ApiMethod]: (args: unknown[]) => boolean } = {
  getFolder: none,
  getGraph: none,
  getNote: (a) => a.length === 1 && isStr(a[0]),
  getNotes: (a) => a.length === 1 && Array.isArray(a[0]) && a[0].length <= MAX_NOTES_ASKED && a[0].every((x) => isStr(x)),
  getMentions: (a) => a.length === 1 && isStr(a[0], 512),
  neighbourhood: (a) => (a.length === 2 || (a.length === 3 && isNeighbourhoodOptions(a[2]))) && isStr(a[0], 512) && isInt(a[1], 1, 3),
  overlap: (a) => a.length === 1 && Array.isArray(a[0]) && a[0].length >= 2 && a[0].length <= 4 && a[0].every((x) => isStr(x, 512)),
  compare: (a) => a.length === 1 && Array.isArray(a[0]) && a[0].length >= 2 && a[0].length <= 4 && a[0].every((x) => isStr(x, 512)),
  confusables: none,
  examOverlap: (a) => a.length === 2 && isStr(a[0], 32) && isStr(a[1], 32),
  centrality: none,
  exams: none,
  coverageGaps: (a) => a.length === 1 && isStr(a[0], 32),
  renamed: none,
  getCards: none,
  search: (a) => a.length === 2 && typeof a[0] === 'string' && a[0].length <= 256 && isInt(a[1], 1, 500),
  serviceMap: none,
  openFolder: (a) => a.length === 0 || (a.length === 1 && (a[0] === undefined || isStr(a[0]))),
  reload: none,
  getSettings: none,
  setSettings: (a) => a.length === 1 && isSettingsPatch(a[0]),
  getViewState: none,
  setViewState: (a) => a.length === 1 && isPlainObject(a[0]) && JSON.stringify(a[0]).length <= 5_000_000,
  openExternal: (a) => a.length === 1 && isStr(a[0], 8192),
  saveFile: (a) =>
    a.length === 1 && isPlainObject(a[0]) && isStr((a[0] as Record<string, unknown>).defaultName, 255) &&
    typeof (a[0] as Record<string, unknown>).data === 'string',
  getNotices: none,
  getIndexProgress: none,
  graphVersion: none,
  ...studyValidators,
}

export const API_METHODS = Object.keys(validators) as ApiMethod[]
export const API_EVENTS: ApiEvent[] = ['graphChanged', 'progress', 'menu', 'graphVersion']

/** http(s) only, parsed, no credentials: the one rule for opening links outside the app. */
export function isSafeExternalUrl(raw: string): boolean {
  let url: URL
  try { url = new URL(raw) } catch { return false }
  return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && url.hostname !== ''
}
