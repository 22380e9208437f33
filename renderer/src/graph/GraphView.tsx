// The Cytoscape canvas. The core is created once per mount and destroyed on unmount; elements are
// synced by the controller, handlers are bound once here.
import { memo, useEffect, useRef, useState } from 'react'
import cytoscape, { type Core, type EventObject } from 'cytoscape'
import type { ThemeName } from './style'
import { BIG_ABOVE, type CyGraphController } from './cyController'
import { GroupCaptions } from './GroupCaptions'
import { Legend } from './Legend'
import { BigGraphNote } from './BigGraphNote'
import { wantWebgl } from './webglChoice'
import { blankLayersUntilDrawn } from './cyPrivate'

declare global {
  interface Window {
    cy?: Core
  }
}

interface Props {
  controller: CyGraphController
  theme: ThemeName
}

/** Beside the pointer, on the side with room: above it in the canvas's lower half, left of it near the right edge. */
function tipPlace(at: { x: number; y: number }, canvas: HTMLElement | null): React.CSSProperties {
  // bottom and right are the wrapper's (the tooltip's positioned parent), which holds the legend under the canvas
  const wrap = canvas?.parentElement
  const w = canvas?.clientWidth ?? Infinity
  const h = canvas?.clientHeight ?? Infinity
  return {
    ...(at.y > h / 2 && wrap ? { bottom: wrap.clientHeight - at.y + 12 } : { top: at.y + 12 }),
    ...(at.x > w - 360 && wrap ? { right: Math.max(0, wrap.clientWidth - at.x + 12) } : { left: at.x + 12 }),
  }
}

export const GraphView = memo(function GraphView({ controller, theme }: Props) {
  const container = useRef<HTMLDivElement>(null)
  const themeRef = useRef(theme)
  const [tip, setTip] = useState<{ x: number; y: number; reason: string; evidence: string } | null>(null)

  useEffect(() => {
    controller.setTheme(themeRef.current)
    // the renderer is chosen when the core is made: WebGL for a big graph on a GPU (webglChoice.ts), so the
    // core is made again, still empty, when the first graph turns out to need the other one
    let webgl = wantWebgl(0)
    const make = (): Core => cytoscape({
      container: container.current,
      style: controller.styleFor(themeRef.current),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      // pan/zoom redraws from a snapshot, edges drawn again when the gesture ends: smooth at 25k elements
      textureOnViewport: true,
      motionBlur: false,
      pixelRatio: 'auto',
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions)
    let cy = make()
    blankLayersUntilDrawn(cy)
    window.cy = cy
    container.current?.setAttribute('data-renderer', webgl ? 'webgl' : 'canvas')

    const onOver = (e: EventObject) => {
      // fading thousands of elements restyles all of them: on big graphs only the neighbourhood lights up
      e.target.addClass('hover-self')
      if (cy.elements().length > BIG_ABOVE) { e.target.closedNeighborhood().addClass('hover-hl'); return }
      const hood = e.target.closedNeighborhood()
      cy.batch(() => {
        cy.elements().addClass('faded')
        hood.removeClass('faded').addClass('hover-hl')
      })
    }
    const onOut = () => {
      cy.batch(() => { cy.$('.faded, .hover-hl, .hover-self').removeClass('faded hover-hl hover-self') })
    }
    const onTap = (e: EventObject) => controller.select(e.target.id())
    // a dragged node is pinned (layouts leave it alone); a double click unpins it
    const onDragFree = (e: EventObject) => { controller.pin(e.target.id(), true); controller.savePositions() }
    const onDoubleTap = (e: EventObject) => { if (e.target.hasClass('pinned')) controller.pin(e.target.id(), false) }
    const bind = (cy: Core) => {
      cy.on('dbltap', 'node', onDoubleTap)
      cy.on('mouseover', 'node', onOver)
      cy.on('mouseout', 'node', onOut)
      cy.on('tap', 'node', onTap)
      cy.on('dragfree', 'node', onDragFree)
      // a services-map edge tells why the two services are linked
      const onEdgeOver = (e: EventObject) => {
        const p = e.renderedPosition ?? e.target.renderedMidpoint()
        setTip({ x: p.x, y: p.y, reason: String(e.target.data('reason') ?? ''), evidence: String(e.target.data('evidence') ?? '') })
        e.target.addClass('hover-hl')
      }
      const onEdgeOut = (e: EventObject) => { setTip(null); e.target.removeClass('hover-hl') }
      cy.on('mouseover', 'edge[type = "map"]', onEdgeOver)
      cy.on('mouseout', 'edge[type = "map"]', onEdgeOut)
    }
    bind(cy)
    // a hover ends when the pointer leaves the canvas, even where Cytoscape saw no last move off the element (a
    // jump to the toolbar): the edge's tooltip stayed up over the next view
    const onLeave = () => { setTip(null); if (!cy.destroyed()) onOut() }
    const el = container.current
    el?.addEventListener('mouseleave', onLeave)
    // another view hides the hovered edge without a mouseout: its tooltip goes with it
    let shownView = controller.view()
    const offView = controller.subscribe(() => { if (controller.view() !== shownView) { shownView = controller.view(); setTip(null) } })
    controller.beforeFirstLoad = (nodes) => {
      const want = wantWebgl(nodes)
      if (want === webgl || cy.elements().nonempty()) return
      webgl = want
      controller.attach(null)
      cy.destroy()
      cy = make()
      blankLayersUntilDrawn(cy)
      window.cy = cy
      container.current?.setAttribute('data-renderer', webgl ? 'webgl' : 'canvas')
      bind(cy)
      controller.attach(cy)
    }

    // the note panel and sidebars change the canvas size: keep Cytoscape's idea of it current and
    // keep whatever was in the middle of the view in the middle (a focused node stays centred)
    let size = { w: container.current?.clientWidth ?? 0, h: container.current?.clientHeight ?? 0 }
    const resize = new ResizeObserver(() => {
      const el = container.current
      if (!el || cy.destroyed()) return
      const next = { w: el.clientWidth, h: el.clientHeight }
      if (next.w === size.w && next.h === size.h) return
      const dx = (next.w - size.w) / 2
      const dy = (next.h - size.h) / 2
      size = next
      cy.resize()
      if (size.w > 0 && size.h > 0) cy.panBy({ x: dx, y: dy })
      controller.resized()
    })
    if (container.current) resize.observe(container.current)

    controller.attach(cy)
    return () => {
      el?.removeEventListener('mouseleave', onLeave)
      offView()
      resize.disconnect()
      controller.beforeFirstLoad = undefined
      controller.attach(null)
      if (window.cy === cy) delete window.cy
      cy.destroy()
    }
  }, [controller])

  useEffect(() => {
    themeRef.current = theme
    controller.setTheme(theme)
  }, [theme, controller])

  return (
    <div className="graph-wrap">
      <div ref={container} className="graph-canvas" aria-label="Knowledge graph" role="application" />
      <GroupCaptions controller={controller} />
      <Legend theme={theme} controller={controller} />
      <BigGraphNote controller={controller} />
      {tip && (
        <div className="edge-tip" role="tooltip" style={tipPlace(tip, container.current)}>
          <strong>{tip.reason}</strong>
          {tip.evidence && <span>“{tip.evidence}”</span>}
        </div>
      )}
      <div className="zoom-controls" role="group" aria-label="Zoom">
        <button type="button" title="Zoom in" aria-label="Zoom in" onClick={() => controller.zoom(1.25)}>+</button>
        <button type="button" title="Zoom out" aria-label="Zoom out" onClick={() => controller.zoom(0.8)}>−</button>
        <button type="button" title="Fit graph" aria-label="Fit graph" onClick={() => controller.fit()}>⤢</button>
      </div>
    </div>
  )
})
