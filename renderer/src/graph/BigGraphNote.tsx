// A big graph is drawn from its display subset (core/graph/displayGraph.ts): say so, with the counts of
// the links left out, and that search, neighbourhood, compare and the note panel still use all of them.
import { useSyncExternalStore } from 'react'
import type { EdgeType } from '../../../electron/core/types'
import type { CyGraphController } from './cyController'

const KIND: Partial<Record<EdgeType, string>> = { mentions: 'mention', related: 'co-mention', tagged: 'tag', 'links-to': 'note-to-note' }
const fmt = (n: number) => n.toLocaleString('en-US')

export function bigGraphSummary(info: NonNullable<ReturnType<CyGraphController['displayInfo']>>): { line: string; detail: string } {
  const left = Object.values(info.omitted).reduce((a, b) => a + (b ?? 0), 0)
  const parts = (Object.entries(info.omitted) as Array<[EdgeType, number]>).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${fmt(n)} ${KIND[type] ?? type}`)
  const caps = (Object.entries(info.perNode) as Array<[EdgeType, number]>).filter(([, n]) => n > 0)
    .map(([type, n]) => `${n} strongest ${KIND[type] ?? type} links`)
  return {
    line: `${fmt(info.totalEdges - left)} of ${fmt(info.totalEdges)} links drawn`,
    detail: `Left out: ${parts.join(', ')}. Drawn: domains → notes, features → services, and each node's ${caps.join(', ')}. Search, neighbourhood, compare and the note panel use every link.`,
  }
}

export function BigGraphNote({ controller }: { controller: CyGraphController }) {
  const key = useSyncExternalStore((l) => controller.subscribe(l), () => {
    const info = controller.displayInfo()
    return info ? JSON.stringify(info) : ''
  })
  if (!key) return null
  const { line, detail } = bigGraphSummary(JSON.parse(key) as NonNullable<ReturnType<CyGraphController['displayInfo']>>)
  return (
    <details className="big-graph-note" role="note" aria-label="Links left out">
      <summary>{line}</summary>
      <span>{detail}</span>
    </details>
  )
}
