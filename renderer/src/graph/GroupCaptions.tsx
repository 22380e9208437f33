// Names over the groups of a view drawn by position (the services map's AWS categories, the overview's
// domains), kept in place as the user pans and zooms. Plain DOM over the canvas: a handful of elements, no Cytoscape restyle.
import { useEffect, useState } from 'react'
import type { CyGraphController } from './cyController'

interface Caption { id: string; text: string; left: number; top: number; width: number; centred: boolean }

export function GroupCaptions({ controller }: { controller: CyGraphController }) {
  const [captions, setCaptions] = useState<Caption[]>([])
  useEffect(() => {
    let frame = 0
    const cy = controller.cy()
    const update = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        const core = controller.cy()
        if (!core || core.destroyed()) { setCaptions([]); return }
        const zoom = core.zoom()
        const pan = core.pan()
        setCaptions(controller.groupCaptions().map((g) => ({
          id: g.id,
          text: g.text,
          left: g.x1 * zoom + pan.x,
          top: g.y1 * zoom + pan.y - 20,
          width: Math.max(60, (g.x2 - g.x1) * zoom),
          centred: g.centred === true,
        })))
      })
    }
    update()
    cy?.on('viewport resize layoutstop', update)
    const off = controller.subscribe(update)
    const timer = setInterval(update, 1000)
    return () => { cy?.off('viewport resize layoutstop', update); off(); clearInterval(timer); cancelAnimationFrame(frame) }
  }, [controller])
  return (
    <div className="group-captions" aria-hidden="true">
      {captions.map((c) => (
        // a centred caption may reach a little past its group, into the gap to the next one
        // a centred caption (a domain's title) is never cut: it wraps, growing upwards from just above its group
        <span key={c.id} className={c.centred ? 'group-caption group-caption-centred' : 'group-caption'} style={c.centred ? { left: c.left - c.width * 0.05, top: c.top + 20, width: c.width * 1.1 } : { left: c.left, top: c.top, maxWidth: c.width }}>{c.text}</span>
      ))}
    </div>
  )
}
