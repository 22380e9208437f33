// Worker thread entry: parses batches of notes (read + markdown + extraction) and posts compact results.
import { parentPort } from 'node:worker_threads'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { loadEntities } from '../entities'
import { parseFile, type FileJob, type FileResult } from '../index/parse-file'

export interface BatchRequest {
  id: number
  files: FileJob[]
  /** collect the nursery once the reply is out (the edit worker, see EditParser) */
  idleGc?: boolean
}

export type BatchReply =
  | { id: number; results: FileResult[] }
  | { id: number; error: string }

/**
 * A scavenge now, between two edits, instead of in the middle of the next parse: each edit's parse leaves a few
 * MB of garbage, and under load a scavenge that waits for V8's helper threads took 50–200 ms. V8's gc()
 * extension is reachable from a new context once --expose-gc is set; undefined when that is refused.
 */
let collect: ((opts: { type: 'minor' }) => void) | null | undefined
function collectNursery(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      collect = runInNewContext('gc') as typeof collect
    } catch {
      collect = null
    }
  }
  try { collect?.({ type: 'minor' }) } catch { collect = null }
}

const port = parentPort
if (port) {
  const ready = loadEntities()
  port.on('message', (req: BatchRequest) => {
    ready.then(
      (entities) => {
        const results = req.files.map((f) => parseFile(f, entities.extractor))
        port.postMessage({ id: req.id, results } satisfies BatchReply)
        if (req.idleGc) setImmediate(collectNursery)
      },
      (err: unknown) => port.postMessage({ id: req.id, error: String(err) } satisfies BatchReply),
    )
  })
}
