// Parses notes' markdown off the page's thread (noteCache.ts): ahead of clicks, and on a click whose note was not
// parsed yet. The page is busy drawing the graph in the seconds after launch; a big note's parse there took
// 100 ms or more. Requests wait in a queue worked one per task, so that a click's request (urgent), or a
// request hurried by a click, goes ahead of the notes asked for ahead of time.
import type { Root } from 'mdast'
import { parseForTransfer } from './markdownParse'

export type ParseRequest =
  | { kind: 'parse'; id: number; markdown: string; wikilinks: Array<[string, string]>; urgent?: boolean }
  | { kind: 'hurry'; id: number }
export interface ParseReply { id: number; tree?: Root; error?: string }

const scope = self as unknown as { onmessage: ((e: MessageEvent<ParseRequest>) => void) | null; postMessage(m: ParseReply): void }

const queue: Array<Extract<ParseRequest, { kind: 'parse' }>> = []
let scheduled = false

function next(): void {
  scheduled = false
  const job = queue.shift()
  if (!job) return
  try {
    scope.postMessage({ id: job.id, tree: parseForTransfer(job.markdown, new Map(job.wikilinks)) })
  } catch (err) {
    scope.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) })
  }
  schedule()
}

function schedule(): void {
  if (scheduled || queue.length === 0) return
  scheduled = true
  setTimeout(next, 0) // a task per note: messages that came meanwhile are queued before the next one
}

scope.onmessage = (e) => {
  const msg = e.data
  if (msg.kind === 'parse') {
    if (msg.urgent) queue.unshift(msg)
    else queue.push(msg)
  } else {
    const at = queue.findIndex((j) => j.id === msg.id)
    if (at > 0) queue.unshift(...queue.splice(at, 1))
  }
  schedule()
}
