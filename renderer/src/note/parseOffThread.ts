// The page's side of markdown.worker.ts: one worker, made on first use; null when no worker can run (tests,
// a failed start), and the caller parses on the page instead.
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

/** The note's markdown tree parsed in the worker, or null when there is no worker (parse on the page then). */
export function parseOffThread(markdown: string, wikilinks: Map<string, string>): Promise<Root> | null {
  if (worker === undefined) worker = start()
  const w = worker
  if (!w) return null
  const id = ++nextId
  return new Promise<Root>((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    w.postMessage({ id, markdown, wikilinks: [...wikilinks] } satisfies ParseRequest)
  })
}
