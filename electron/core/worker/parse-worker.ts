// Worker thread entry: parses batches of notes (read + markdown + extraction) and posts compact results.
import { parentPort } from 'node:worker_threads'
import { loadEntities } from '../entities'
import { parseFile, type FileJob, type FileResult } from '../index/parse-file'

export interface BatchRequest {
  id: number
  files: FileJob[]
}

export type BatchReply =
  | { id: number; results: FileResult[] }
  | { id: number; error: string }

const port = parentPort
if (port) {
  const ready = loadEntities()
  port.on('message', (req: BatchRequest) => {
    ready.then(
      (entities) => {
        const results = req.files.map((f) => parseFile(f, entities.extractor))
        port.postMessage({ id: req.id, results } satisfies BatchReply)
      },
      (err: unknown) => port.postMessage({ id: req.id, error: String(err) } satisfies BatchReply),
    )
  })
}
