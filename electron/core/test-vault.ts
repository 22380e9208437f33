// Test scaffolding shared by the backend tests: notes written into a temporary folder, and a backend opened on
// it in-process (no workers) with its cache and settings beside the notes, and its change events followed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect } from 'vitest'
import { createBackend, type Backend, type BackendOptions } from './backend'
import { applyGraphDelta } from './graph/delta'
import type { Graph, GraphChange } from './types'

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

/** Follow the backend's change events from a getGraph answer, as the page does (each delta on the version before it). */
export function followChanges(b: Backend): { held: () => Graph; changes: GraphChange[] } {
  let held = b.getGraph()
  const changes: GraphChange[] = []
  b.onChange((c) => {
    changes.push(c)
    if (c.graph) held = c.graph
    else {
      expect(c.version).toBe((held.version ?? 0) + 1)
      held = { ...applyGraphDelta(held, c.delta!), version: c.version }
    }
  })
  return { held: () => held, changes }
}

/**
 * A fresh temporary notes folder for each test of the file that calls this (folder and state removed, backend
 * closed, after each): `notes()` is the folder, `open()` a backend on it.
 */
export function eachTestFolder(prefix: string): { notes(): string; tmp(): string; open(extra?: Partial<BackendOptions>): Promise<Backend> } {
  let tmp = ''
  let backend: Backend | undefined
  beforeEach(() => { tmp = mkdtempSync(path.join(os.tmpdir(), prefix)) })
  afterEach(async () => {
    await backend?.close()
    backend = undefined
    rmSync(tmp, { recursive: true, force: true })
  })
  return {
    notes: () => path.join(tmp, 'notes'),
    tmp: () => tmp,
    open: async (extra = {}) => (backend = await openTestBackend(tmp, path.join(tmp, 'notes'), extra)),
  }
}
