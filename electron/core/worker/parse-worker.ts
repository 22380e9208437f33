// Worker thread entry: parses batches of notes (read + markdown + extraction) and posts compact results.
import { parentPort } from 'node:worker_threads'
import { loadEntities } from '../entities'
import { parseFile, type FileJob } from '../index/parse-file'
import { packResults, type PackedBatch } from './pack'

export interface BatchRequest {
  id: number
  files: FileJob[]
}

export type BatchReply =
  | { id: number; batch: PackedBatch }
  | { id: number; error: string }

const port = parentPort
if (port) {
  // the matcher is built at start, before the first batch arrives (a pool may be started ahead of its work)
  const ready = loadEntities().then((e) => { void e.extractor; return e })
  port.on('message', (req: BatchRequest) => {
    ready.then(
      (entities) => {
        const batch = packResults(req.files.map((f) => parseFile(f, entities.extractor)))
        port.postMessage({ id: req.id, batch } satisfies BatchReply, [batch.cols.buffer as ArrayBuffer, batch.counts.buffer as ArrayBuffer])
      },
      (err: unknown) => port.postMessage({ id: req.id, error: String(err) } satisfies BatchReply),
    )
  })
}
