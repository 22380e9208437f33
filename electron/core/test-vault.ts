// Test scaffolding shared by the backend tests: notes written into a temporary folder, and a backend opened on
// it in-process (no workers) with its cache and settings beside the notes.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createBackend, type Backend, type BackendOptions } from './backend'

/** Write a note (folders made as needed) under `notes`. */
export function writeNote(notes: string, rel: string, text: string): void {
  const abs = path.join(notes, rel)
  mkdirSync(path.dirname(abs), { recursive: true })
  writeFileSync(abs, text)
}

/** A backend on `notes`, its state in `tmp/cache` and `tmp/<settings>`. */
export function openTestBackend(tmp: string, notes: string, extra: Partial<BackendOptions> = {}, settings = 'settings'): Promise<Backend> {
  return createBackend({ folder: notes, bundledFolder: notes, cacheDir: path.join(tmp, 'cache'), settingsDir: path.join(tmp, settings), workers: 0, ...extra })
}
