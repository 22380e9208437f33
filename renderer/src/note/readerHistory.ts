// Back and forward through what the reader showed. The browser's own session history is the stack, so
// the web host's Back button, Alt+Left, the mouse's back button and the toolbar arrows all walk the same
// entries and Back stays inside the app: each note or section opened pushes one same-document entry
// (pushState keeps the URL; the hash-state sync rewrites it) whose state names what was shown. The scroll
// position of each entry is kept here (the page reports it as the user scrolls) and written into the
// entry when the reader moves on, so it survives a reload too.

export interface ReaderEntry {
  /** the selected graph node, null when nothing was selected */
  node: string | null
  path?: string
  section?: string
  line?: number
  /** scroll offset of the note panel */
  scroll?: number
}

/** The part of window.history used here (a fake in the tests). */
export interface SessionHistory {
  readonly state: unknown
  pushState(data: unknown, unused: string, url?: string | null): void
  replaceState(data: unknown, unused: string, url?: string | null): void
  back(): void
  forward(): void
}

/** Key of our part of an entry's state; other keys (if any) are kept as they are. */
const KEY = 'notesGraphReader'

interface Stored { i: number; entry: ReaderEntry }

function storedIn(state: unknown): Stored | undefined {
  const s = state && typeof state === 'object' ? (state as Record<string, unknown>)[KEY] : undefined
  if (!s || typeof s !== 'object') return undefined
  const { i, entry } = s as Partial<Stored>
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || !entry || typeof entry !== 'object') return undefined
  return { i, entry: cleanEntry(entry) }
}

/** An entry read back from the session (possibly written by an older build): only known, typed fields. */
function cleanEntry(e: Partial<ReaderEntry>): ReaderEntry {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
  return { node: str(e.node) ?? null, path: str(e.path), section: str(e.section), line: num(e.line), scroll: num(e.scroll) }
}

/** Same place (node, note, section, line); the scroll offset does not make another place. */
export function samePlace(a: ReaderEntry | undefined, b: ReaderEntry | undefined): boolean {
  return !!a && !!b && a.node === b.node && a.path === b.path && (a.section ?? '') === (b.section ?? '') && a.line === b.line
}

export class ReaderHistory {
  private entries: ReaderEntry[] = []
  private index = 0
  /** last index that Forward can reach */
  private top = 0
  private readonly listeners = new Set<() => void>()

  constructor(private readonly session: SessionHistory, private readonly url: () => string) {
    const stored = storedIn(session.state)
    if (stored) {
      // a reload: this entry is ours, earlier ones are still in the session
      this.index = stored.i
      this.top = stored.i
      this.entries[stored.i] = stored.entry
    } else {
      this.entries[0] = { node: null }
      this.write('replace')
    }
  }

  get current(): ReaderEntry { return this.entries[this.index] ?? { node: null } }
  get canBack(): boolean { return this.index > 0 }
  get canForward(): boolean { return this.index < this.top }

  /** The reader shows `place`: a new entry unless it is where we already are (e.g. just restored). */
  record(place: ReaderEntry): void {
    const cur = this.entries[this.index]
    if (samePlace(cur, place)) return
    this.write('replace') // the place we leave keeps its last scroll offset in the session
    this.index++
    this.top = this.index
    this.entries[this.index] = { ...place, scroll: place.scroll ?? 0 }
    this.entries.length = this.index + 1
    this.write('push')
    this.emit()
  }

  /** The panel showing `path` scrolled to `y` (ignored when the current entry shows another note). */
  setScroll(path: string | undefined, y: number): void {
    const cur = this.entries[this.index]
    if (cur && cur.path === path) cur.scroll = y
  }

  back(): boolean {
    if (!this.canBack) return false
    this.write('replace')
    this.session.back()
    return true
  }

  forward(): boolean {
    if (!this.canForward) return false
    this.write('replace')
    this.session.forward()
    return true
  }

  /**
   * The session moved to another entry (popstate). Returns the place to show, or undefined when the entry
   * is not one of ours (e.g. the user typed a new hash).
   */
  popped(state: unknown): ReaderEntry | undefined {
    const stored = storedIn(state)
    if (!stored) return undefined
    this.index = stored.i
    if (stored.i > this.top) this.top = stored.i
    // the copy kept here has the latest scroll offset; the session's copy is the fallback after a reload
    const entry = this.entries[stored.i] ?? stored.entry
    this.entries[stored.i] = entry
    this.emit()
    return { ...entry }
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }

  private emit(): void { for (const l of this.listeners) l() }

  private write(how: 'push' | 'replace'): void {
    const base = this.session.state && typeof this.session.state === 'object' ? (this.session.state as Record<string, unknown>) : {}
    const data = { ...(how === 'push' ? {} : base), [KEY]: { i: this.index, entry: this.entries[this.index] ?? { node: null } } }
    if (how === 'push') this.session.pushState(data, '', this.url())
    else this.session.replaceState(data, '', this.url())
  }
}
