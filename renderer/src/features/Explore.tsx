// The exploration sidebar: search on top, then tabs for the panels. All panels stay mounted (hidden
// when not shown) so an exam overlay or a comparison keeps its highlight while another tab is open.
import { memo, useCallback, useRef, useState } from 'react'
import { Filters } from './Filters'
import { FolderPanel, useFolderDrop } from './FolderPanel'
import { Search } from './Search'
import { useLazyPartOnceWanted } from '../lazyPart'
import { comparePanel, examPanel, renamedPanel, viewPanel } from '../lazyPanels'
import { exploreStore, useExplore, type PanelId } from './store'
import type { FeatureProps } from './types'
import { useGraphSync } from './useGraphSync'
import { useHashState } from './useHashState'

const TABS: Array<{ id: PanelId; label: string; title: string }> = [
  { id: 'filters', label: 'Filters', title: 'Filters and local graph' },
  { id: 'compare', label: 'Compare', title: 'Compare' },
  { id: 'exam', label: 'Exams', title: 'Exam overlay' },
  { id: 'renamed', label: 'Renamed', title: 'Renamed services' },
  { id: 'view', label: 'View', title: 'Layout, size and export' },
  { id: 'folder', label: 'Folder', title: 'Notes folder' },
]

// memo: the shell re-renders on every selection; the panels follow the store, not the shell
export const Explore = memo(function Explore(props: FeatureProps & { showSearch?: boolean }) {
  const { controller, graph, api, showSearch = true } = props
  useHashState(controller, graph, api)
  useGraphSync(controller, graph, api)
  const panel = useExplore((s) => s.panel)
  const compareCount = useExplore((s) => s.compare.length)
  const examCount = useExplore((s) => s.exams.length)
  const [dropMessage, setDropMessage] = useState('')
  const onDropMessage = useCallback((m: string) => setDropMessage(m), [])
  const dragging = useFolderDrop(api, onDropMessage)
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([])
  // the hidden tabs come from chunks of their own (lazyPanels.ts), fetched once the launch is over; each is
  // mounted when first shown, or at once when a comparison or an exam overlay (from the URL) must reach the graph
  const Compare = useLazyPartOnceWanted(comparePanel, panel === 'compare' || compareCount > 0)
  const ExamOverlay = useLazyPartOnceWanted(examPanel, panel === 'exam' || examCount > 0)
  const Renamed = useLazyPartOnceWanted(renamedPanel, panel === 'renamed')
  const ViewPanel = useLazyPartOnceWanted(viewPanel, panel === 'view')

  const onTabKey = (e: React.KeyboardEvent, i: number) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0
    const next = step ? (i + step + TABS.length) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1
    if (next < 0) return
    e.preventDefault()
    exploreStore.set({ panel: TABS[next].id })
    tabRefs.current[next]?.focus()
  }
  const badge = (id: PanelId) => (id === 'compare' && compareCount ? compareCount : id === 'exam' && examCount ? examCount : 0)

  return (
    <aside className={panel === 'compare' && compareCount >= 2 ? 'fx-explore fx-wide' : 'fx-explore'} aria-label="Explore">
      {showSearch && <Search controller={controller} graph={graph} api={api} />}
      <div className="fx-tabs" role="tablist" aria-label="Explore panels">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[i] = el
            }}
            type="button"
            role="tab"
            id={`fx-tab-${t.id}`}
            aria-selected={panel === t.id}
            aria-controls={`fx-panel-${t.id}`}
            tabIndex={panel === t.id ? 0 : -1}
            className={panel === t.id ? 'fx-tab fx-on' : 'fx-tab'}
            onClick={() => exploreStore.set({ panel: t.id })}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {t.label}
            {badge(t.id) > 0 && <span className="fx-tab-badge">{badge(t.id)}</span>}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <section
          key={t.id}
          id={`fx-panel-${t.id}`}
          role="tabpanel"
          aria-labelledby={t.id === 'compare' ? undefined : `fx-tab-${t.id}`}
          aria-label={t.id === 'compare' ? 'Compare' : undefined}
          hidden={panel !== t.id}
          className="fx-panel"
          tabIndex={0}
        >
          <h2 className="fx-panel-title">{t.title}</h2>
          {t.id === 'filters' && <Filters {...props} />}
          {t.id === 'compare' && Compare && <Compare {...props} />}
          {t.id === 'exam' && ExamOverlay && <ExamOverlay {...props} />}
          {t.id === 'renamed' && Renamed && <Renamed {...props} />}
          {t.id === 'view' && ViewPanel && <ViewPanel {...props} />}
          {t.id === 'folder' && <FolderPanel {...props} />}
        </section>
      ))}
      {dropMessage && (
        <p className="fx-hint fx-drop-message" role="status">
          {dropMessage}
        </p>
      )}
      {dragging && (
        <div className="fx-drop-overlay" aria-hidden="true">
          Drop a notes folder to open it
        </div>
      )}
    </aside>
  )
})
