// Layout, node size and export of the current view (PNG, SVG, graph JSON).
import { useState } from 'react'
import type { LayoutName, SizeBy } from '../graph/controller'
import { toGraphJson } from './graphJson'
import { saveExport } from './saveExport'
import { exploreStore, useExplore } from './store'
import { sceneFromCy, sceneToSvg } from './svgExport'
import type { FeatureProps } from './types'

const LAYOUTS: Array<{ id: LayoutName; label: string; hint: string }> = [
  { id: 'grouped', label: 'Grouped', hint: 'each group packed around its centre, nothing overlapping' },
  { id: 'force', label: 'Force', hint: 'related nodes pull together' },
  { id: 'concentric', label: 'Concentric', hint: 'a sector per domain: notes, then their services/concepts' },
  { id: 'lanes', label: 'Lanes', hint: 'domain → note → service/concept columns' },
]
const SIZES: Array<{ id: SizeBy; label: string }> = [
  { id: 'degree', label: 'Degree' },
  { id: 'betweenness', label: 'Betweenness' },
]

function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')
}

function pageBackground(): string {
  const el = document.querySelector('[aria-label="Knowledge graph"]') ?? document.body
  let node: Element | null = el
  while (node) {
    const bg = getComputedStyle(node).backgroundColor
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg
    node = node.parentElement
  }
  return '#ffffff'
}

export function ViewPanel({ controller, graph, api }: FeatureProps) {
  const layout = useExplore((s) => s.layout)
  const size = useExplore((s) => s.size)
  const [message, setMessage] = useState('')

  async function run(kind: 'png' | 'svg' | 'json') {
    const cy = controller.cy()
    try {
      setMessage('Exporting…')
      if (kind === 'json') {
        setMessage(await saveExport(api, `notes-graph-${stamp()}.json`, JSON.stringify(toGraphJson(graph), null, 2), 'application/json'))
        return
      }
      if (!cy) throw new Error('The graph is not ready yet')
      const bg = pageBackground()
      if (kind === 'png') {
        const blob = (await cy.png({ full: true, output: 'blob-promise', bg, scale: 2, maxWidth: 8000, maxHeight: 8000 })) as Blob
        setMessage(await saveExport(api, `notes-graph-${stamp()}.png`, blob, 'image/png'))
      } else {
        setMessage(await saveExport(api, `notes-graph-${stamp()}.svg`, sceneToSvg(sceneFromCy(cy, bg)), 'image/svg+xml'))
      }
    } catch (e) {
      setMessage(`Export failed: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  return (
    <div className="fx-panel-body">
      <fieldset className="fx-fieldset">
        <legend>Layout</legend>
        {LAYOUTS.map((l) => (
          <label key={l.id} className="fx-check">
            <input
              type="radio"
              name="fx-layout"
              checked={layout === l.id}
              onChange={() => exploreStore.set({ layout: l.id })}
            />
            {l.label} <span className="fx-muted">— {l.hint}</span>
          </label>
        ))}
        <div className="fx-row">
          <button type="button" className="fx-button" onClick={() => controller.runLayout(layout)}>
            Re-run layout
          </button>
          <button type="button" className="fx-button" onClick={() => controller.fit()}>
            Fit to view
          </button>
        </div>
        <p className="fx-hint">Drag a node to pin it (layouts then leave it in place); double-click a pinned node to unpin it. Positions are remembered for this folder.</p>
      </fieldset>

      <fieldset className="fx-fieldset">
        <legend>Node size</legend>
        {SIZES.map((s) => (
          <label key={s.id} className="fx-check">
            <input type="radio" name="fx-size" checked={size === s.id} onChange={() => exploreStore.set({ size: s.id })} />
            {s.label}
          </label>
        ))}
      </fieldset>

      <fieldset className="fx-fieldset">
        <legend>Export</legend>
        <div className="fx-row">
          <button type="button" className="fx-button" onClick={() => void run('png')}>
            PNG image
          </button>
          <button type="button" className="fx-button" onClick={() => void run('svg')}>
            SVG image
          </button>
          <button type="button" className="fx-button" onClick={() => void run('json')}>
            Graph JSON
          </button>
        </div>
        <p className="fx-hint" role="status" aria-live="polite">
          {message}
        </p>
      </fieldset>
    </div>
  )
}
