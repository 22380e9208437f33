// App settings and per-folder view state as small JSON files in the settings folder, written atomically.
// A file that is not what it should be is kept aside (never overwritten) and reported in `notices`.
import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Settings, ThemeSetting, ViewState } from '../shared/contract'
import { writeFileAtomicSync } from './atomic-write'
import { readJsonState } from './state-file'

const THEMES: ThemeSetting[] = ['system', 'light', 'dark']
const DEFAULTS: Settings = { theme: 'system', recentFolders: [] }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Keep only well-formed fields, so a hand-edited or corrupt file never breaks startup. */
function sanitize(raw: unknown): Settings {
  const out: Settings = { ...DEFAULTS, recentFolders: [] }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out
  const r = raw as Record<string, unknown>
  if (THEMES.includes(r.theme as ThemeSetting)) out.theme = r.theme as ThemeSetting
  if (typeof r.lastFolder === 'string' && r.lastFolder) out.lastFolder = r.lastFolder
  if (Array.isArray(r.recentFolders)) out.recentFolders = r.recentFolders.filter((x): x is string => typeof x === 'string' && x.length > 0).slice(0, 20)
  return out
}

export class SettingsStore {
  private settings: Settings
  private readonly file: string
  /** problems with the state files since launch, one sentence each, without paths */
  readonly notices: string[] = []

  constructor(private readonly dir: string) {
    this.file = path.join(dir, 'settings.json')
    // a JSON object is settings (odd fields dropped by sanitize); anything else is a damaged file
    const read = readJsonState(this.file, 'settings', (raw) => (isObject(raw) ? sanitize(raw) : undefined))
    if (read.status === 'corrupt') this.notice(read.problem.message)
    this.settings = read.status === 'ok' ? read.value : sanitize(undefined)
  }

  private notice(message: string): void {
    if (!this.notices.includes(message)) this.notices.push(message)
  }

  get(): Settings {
    return { ...this.settings, recentFolders: [...this.settings.recentFolders] }
  }

  set(patch: Partial<Settings>): Settings {
    const next = sanitize({ ...this.settings, ...patch })
    if ('lastFolder' in patch && patch.lastFolder === undefined) delete next.lastFolder
    this.settings = next
    writeFileAtomicSync(this.file, JSON.stringify(next, null, 2))
    return this.get()
  }

  /** Remember a folder the user opened (most recent first). undefined = the bundled notes. */
  rememberFolder(folder: string | undefined): void {
    const recent = folder ? [folder, ...this.settings.recentFolders.filter((f) => f !== folder)].slice(0, 10) : this.settings.recentFolders
    this.set({ lastFolder: folder, recentFolders: recent })
  }

  private viewFile(folder: string): string {
    return path.join(this.dir, 'view-state', `${createHash('sha1').update(folder).digest('hex').slice(0, 16)}.json`)
  }

  getViewState(folder: string): ViewState {
    const read = readJsonState(this.viewFile(folder), 'saved view', (v) => (isObject(v) ? (v as ViewState) : undefined))
    if (read.status === 'corrupt') this.notice(read.problem.message)
    return read.status === 'ok' ? read.value : {}
  }

  setViewState(folder: string, state: ViewState): void {
    writeFileAtomicSync(this.viewFile(folder), JSON.stringify(state))
  }
}
