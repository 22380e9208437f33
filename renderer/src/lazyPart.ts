// A module the launch's first frame does not need, in a chunk of its own: asked for when it is first wanted
// (a panel opened, a state restored from the URL) or once the launch is over (prefetch), so the launch
// fetches, compiles and runs less script and the first click finds it loaded.
import { useEffect, useState, useSyncExternalStore } from 'react'

export interface LazyPart<T> {
  /** the loaded value, once there (synchronously, so a render after the load never suspends) */
  get(): T | undefined
  /** loads it (once; a failed load is tried again on the next call) */
  load(): Promise<T>
  subscribe(listener: () => void): () => void
}

export function lazyPart<T>(importer: () => Promise<T>): LazyPart<T> {
  let value: T | undefined
  let pending: Promise<T> | undefined
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    load() {
      pending ??= importer().then(
        (v) => {
          value = v
          for (const l of [...listeners]) l()
          return v
        },
        (err: unknown) => {
          pending = undefined
          throw err
        },
      )
      return pending
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => { listeners.delete(listener) }
    },
  }
}

/** The part once loaded (undefined before); `want` asks for it now instead of when the launch is over. */
export function useLazyPart<T>(part: LazyPart<T>, want: boolean): T | undefined {
  const value = useSyncExternalStore(part.subscribe, part.get)
  useEffect(() => {
    if (value === undefined && want) part.load().catch((err: unknown) => console.error('A panel failed to load:', err))
  }, [part, value, want])
  return value
}

/**
 * The part once it has been wanted (and from then on), and loaded: a panel that stays mounted once opened is
 * not mounted by the prefetch (its first render and effects would compete with the first clicks).
 */
export function useLazyPartOnceWanted<T>(part: LazyPart<T>, want: boolean): T | undefined {
  const [wanted, setWanted] = useState(want)
  if (want && !wanted) setWanted(true)
  const value = useLazyPart(part, want)
  return wanted || want ? value : undefined
}
