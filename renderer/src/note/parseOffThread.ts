// The page's side of markdown.worker.ts: one worker, made on first use (or by startParser, ahead of it); null
// when no worker can run (tests, a failed start), and the caller parses on the page instead.
import type { Root } from 'mdast'
import type { ParseReply, ParseRequest } from './markdown.worker'

let worker: Worker | null | undefined
let nextId = 0
const waiting = new Map<number, { resolve: (t: Root) => void; reject: (e: Error) => void }>()

function failAll(message: string): void {
  for (const w of waiting.values()) w.reject(new Error(message))
  waiting.clear()
}

function start(): Worker | null {
  if (typeof Worker === 'undefined') return null
  try {
    const w = new Worker(new URL('./markdown.worker.ts', import.meta.url), { type: 'module' })
    w.onmessage = (e: MessageEvent<ParseReply>) => {
      const { id, tree, error } = e.data
      const entry = waiting.get(id)
      waiting.delete(id)
      if (!entry) return
      if (tree) entry.resolve(tree)
      else entry.reject(new Error(error ?? 'the markdown worker answered nothing'))
    }
    w.onerror = () => {
      // a worker that cannot load (or crashed) is not tried again: the page parses instead
      worker = null
      w.terminate()
      failAll('the markdown worker failed')
    }
    return w
  } catch {
    return null
  }
}

/** The worker, started now if it was not (its script loads and compiles while the page does other things). */
export function startParser(): boolean {
  if (worker === undefined) worker = start()
  return worker !== null
}

export interface OffThreadParse {
  tree: Promise<Root>
  /** put this parse ahead of the others still waiting (a click wants it now) */
  hurry(): void
}

/** The note's markdown tree parsed in the worker, or null when there is no worker (parse on the page then). */
export function parseOffThread(markdown: string, wikilinks: Map<string, string>, { urgent = false } = {}): OffThreadParse | null {
  if (!startParser()) return null
  const w = worker as Worker
  const id = ++nextId
  const tree = new Promise<Root>((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    w.postMessage({ kind: 'parse', id, markdown, wikilinks: [...wikilinks], urgent } satisfies ParseRequest)
  })
  return { tree, hurry: () => { if (waiting.has(id)) worker?.postMessage({ kind: 'hurry', id } satisfies ParseRequest) } }
}
