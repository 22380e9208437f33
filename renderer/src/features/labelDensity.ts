// The label density (A−/A+) a folder was last shown with, kept in its view state (key `labels`), so a reload or a
// restart draws as many names as the student chose.
import type { RendererApi, ViewState } from '../../../electron/shared/contract'
import { DEFAULT_DENSITY, MAX_DENSITY } from '../graph/labels'
import { updateViewState } from '../viewStateWrites'

/** The saved density, or the default when none (or a bad value) is saved. */
export function savedLabelDensity(viewState: ViewState | null | undefined): number {
  const d = (viewState as { labels?: { density?: unknown } } | null | undefined)?.labels?.density
  return typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= MAX_DENSITY ? d : DEFAULT_DENSITY
}

let timer: ReturnType<typeof setTimeout> | undefined

/** Remember a density for this folder, debounced (a few quick A+ presses make one write). */
export function saveLabelDensity(api: RendererApi, density: number): void {
  clearTimeout(timer)
  timer = setTimeout(() => {
    updateViewState(api, (all) => ({ ...all, labels: { density } }))
      .catch(() => undefined) // remembering it is a convenience; the graph already shows it
  }, 400)
}
