// Remembers the window's size and position between runs (userData/window-state.json, atomic writes).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomicSync } from '../core/atomic-write'
import { DEFAULT_BOUNDS, type Bounds } from './window-options'

const FILE = 'window-state.json'

export function loadBounds(userData: string): Bounds {
  try {
    const raw = JSON.parse(readFileSync(join(userData, FILE), 'utf8')) as Partial<Bounds>
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
    const width = num(raw.width)
    const height = num(raw.height)
    if (!width || !height) return DEFAULT_BOUNDS
    return { x: num(raw.x), y: num(raw.y), width, height, maximized: raw.maximized === true }
  } catch {
    return DEFAULT_BOUNDS
  }
}

export function saveBounds(userData: string, bounds: Bounds): void {
  try {
    writeFileAtomicSync(join(userData, FILE), JSON.stringify(bounds))
  } catch (err) {
    console.warn('window-state: could not save', err)
  }
}

/** Keep a saved position only if it is still on one of the displays. */
export function onScreen(bounds: Bounds, displays: Array<{ x: number; y: number; width: number; height: number }>): Bounds {
  if (bounds.x === undefined || bounds.y === undefined) return bounds
  const visible = displays.some(
    (d) => bounds.x! + 50 < d.x + d.width && bounds.x! + bounds.width - 50 > d.x && bounds.y! >= d.y - 10 && bounds.y! + 50 < d.y + d.height,
  )
  return visible ? bounds : { width: bounds.width, height: bounds.height, maximized: bounds.maximized }
}
