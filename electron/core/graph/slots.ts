// An id-keyed list that keeps Map order semantics (a replaced item keeps its place, a new one goes last) in a
// plain array, so the materialized graph is one array copy of it instead of a walk over a 456k-entry Map.
// A removed item leaves a hole until holes are many enough to compact (then indexes are rebuilt once).

export class Slots<T> {
  private items: (T | undefined)[] = []
  private readonly at = new Map<string, number>()
  private holes = 0
  /** ids of the last items, appended by appendUnindexed and not yet in `at` (indexed on the first lookup) */
  private unindexed: string[] = []

  get size(): number {
    return this.at.size + this.unindexed.length
  }

  has(id: string): boolean {
    this.indexAppended()
    return this.at.has(id)
  }

  get(id: string): T | undefined {
    this.indexAppended()
    const i = this.at.get(id)
    return i === undefined ? undefined : this.items[i]
  }

  /**
   * Add an item whose id is certainly new, without indexing it yet: a first build that is only read as a whole
   * (the command line's output) then never pays for a map of every id. The first lookup indexes them.
   */
  appendUnindexed(id: string, value: T): void {
    this.items.push(value)
    this.unindexed.push(id)
  }

  /** Index what appendUnindexed added (done by the first lookup anyway; a host calls it in idle time). */
  indexAppended(): void {
    const ids = this.unindexed
    if (ids.length === 0) return
    const base = this.items.length - ids.length
    for (let k = 0; k < ids.length; k++) this.at.set(ids[k], base + k)
    this.unindexed = []
  }

  set(id: string, value: T): void {
    this.indexAppended()
    const i = this.at.get(id)
    if (i !== undefined) this.items[i] = value
    else {
      this.at.set(id, this.items.length)
      this.items.push(value)
    }
  }

  delete(id: string): boolean {
    this.indexAppended()
    const i = this.at.get(id)
    if (i === undefined) return false
    this.at.delete(id)
    this.items[i] = undefined
    this.holes++
    if (this.holes > 1024 && this.holes * 8 > this.items.length) this.compact()
    return true
  }

  clear(): void {
    this.items = []
    this.at.clear()
    this.unindexed = []
    this.holes = 0
  }

  *values(): IterableIterator<T> {
    for (const x of this.items) if (x !== undefined) yield x
  }

  /** The items in order, as a new array (one memory copy when there are no holes). */
  toArray(): T[] {
    if (this.holes === 0) return this.items.slice() as T[]
    const out = new Array<T>(this.at.size)
    let k = 0
    for (const x of this.items) if (x !== undefined) out[k++] = x
    return out
  }

  private compact(): void {
    const ids = new Array<string>(this.items.length)
    for (const [id, i] of this.at) ids[i] = id
    let k = 0
    for (let i = 0; i < this.items.length; i++) {
      const x = this.items[i]
      if (x === undefined) continue
      if (k !== i) {
        this.items[k] = x
        this.at.set(ids[i], k)
      }
      k++
    }
    this.items.length = k
    this.holes = 0
  }
}
