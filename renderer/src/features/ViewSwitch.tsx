// The toolbar's view switch (overview / services / notes / all, kept in the URL hash as `view=`) and the
// label density control (fewer / more labels).
import { useSyncExternalStore } from 'react'
import type { RendererApi } from '../../../electron/shared/contract'
import type { CyGraphController } from '../graph/cyController'
import { MAX_DENSITY } from '../graph/labels'
import type { ViewName } from '../graph/views'
import { saveLabelDensity } from './labelDensity'
import { exploreStore, useExplore } from './store'

const VIEWS: Array<{ id: ViewName; label: string; hint: string }> = [
  { id: 'overview', label: 'Overview', hint: 'Domains and notes, with the services and concepts they cover grouped around them' },
  { id: 'services', label: 'Services', hint: 'AWS services by category, linked when the notes use them together or compare them' },
  { id: 'notes', label: 'Notes', hint: 'Domains → notes → what each note covers' },
  { id: 'all', label: 'All', hint: 'Every node and edge, tags included' },
]

export function ViewSwitch({ controller, api }: { controller: CyGraphController; api: RendererApi }) {
  const view = useExplore((s) => s.view)
  const density = useSyncExternalStore((l) => controller.subscribe(l), () => controller.labelDensity())
  const change = (d: number) => { controller.setLabelDensity(d); controller.notify(); saveLabelDensity(api, controller.labelDensity()) }
  return (
    <div className="view-switch" role="toolbar" aria-label="Graph view">
      <div role="radiogroup" aria-label="View" className="view-switch-views">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" role="radio" aria-checked={view === v.id} title={v.hint} onClick={() => exploreStore.set({ view: v.id })}>
            {v.label}
          </button>
        ))}
      </div>
      <div role="group" aria-label="Labels" className="view-switch-labels">
        <button type="button" aria-label="Fewer labels" title="Fewer labels" disabled={density <= 0} onClick={() => change(density - 1)}>A−</button>
        <button type="button" aria-label="More labels" title="More labels" disabled={density >= MAX_DENSITY} onClick={() => change(density + 1)}>A+</button>
      </div>
    </div>
  )
}
