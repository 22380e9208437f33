// "Mark learned" / "Needs review" toggles for the node the note panel shows; pressing the active one clears it.
import { useState } from 'react'
import type { RendererApi } from '../../../electron/shared/contract'
import type { NodeMark } from '../../../electron/core/study/types'
import { useStudy } from './studyStore'
import { MARKABLE, setNodeMark } from './setNodeMark'
import './marks.css'

export function NodeMarkButtons({ api, nodeId }: { api: RendererApi; nodeId: string }) {
  const mark = useStudy((s) => s.progress?.marks[nodeId])
  const [error, setError] = useState('')
  if (!MARKABLE.test(nodeId)) return null
  const toggle = (m: NodeMark) => {
    setError('')
    setNodeMark(api, nodeId, mark === m ? null : m).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  }
  return (
    <div className="node-marks" role="group" aria-label="Study mark">
      <button type="button" aria-pressed={mark === 'learned'} onClick={() => toggle('learned')}>Mark learned</button>
      <button type="button" aria-pressed={mark === 'needs-review'} onClick={() => toggle('needs-review')}>Needs review</button>
      {error && <span className="error" role="alert">{error}</span>}
    </div>
  )
}
