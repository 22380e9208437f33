// Manual marks on the selected node ("learned" / "needs review"): they win over the node's cards.
import { useEffect, useState } from 'react'
import type { RendererApi } from '../../../electron/shared/contract'
import type { NodeMark } from '../../../electron/core/study/types'
import type { CyGraphController } from '../graph/cyController'
import { useStudy } from './studyStore'
import { setNodeMark } from './setNodeMark'

export function MarkNode({ api, controller }: { api: RendererApi; controller: CyGraphController }) {
  const [selected, setSelected] = useState<string | null>(controller.selected())
  const [error, setError] = useState('')
  useEffect(() => controller.subscribe(() => setSelected(controller.selected())), [controller])
  const progress = useStudy((s) => s.progress)
  const node = selected ? controller.node(selected) : undefined
  if (!node) return <p className="muted study-mark">Select a node to mark it learned or for review.</p>
  const mark = progress?.marks[node.id]
  const state = progress?.states[node.id]
  const set = (m: NodeMark | null) => {
    setError('')
    setNodeMark(api, node.id, m).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  }
  return (
    <div className="study-mark">
      <div className="study-row">
        <span className="study-mark-label" title={node.id}>{node.label}</span>
        {state && <span className={`study-state study-state-${state}`}>{state}</span>}
      </div>
      <div className="study-row">
        <button type="button" aria-pressed={mark === 'learned'} onClick={() => set(mark === 'learned' ? null : 'learned')}>Mark learned</button>
        <button type="button" aria-pressed={mark === 'needs-review'} onClick={() => set(mark === 'needs-review' ? null : 'needs-review')}>Needs review</button>
      </div>
      {error && <p className="error">{error}</p>}
    </div>
  )
}
