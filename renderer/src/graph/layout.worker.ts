// Runs the force layout off the main thread on a headless Cytoscape: a few hundred nodes take
// seconds on a slow machine, and the page must stay responsive meanwhile.
import cytoscape, { type ElementDefinition } from 'cytoscape'
import fcose from 'cytoscape-fcose'
import { forceOptions, type FixedNode } from './forceLayout'

cytoscape.use(fcose)

export interface LayoutRequest { id: number; elements: ElementDefinition[]; fixed?: FixedNode[] }
export interface LayoutReply { id: number; positions?: Record<string, { x: number; y: number }>; error?: string }

const scope = self as unknown as { onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null; postMessage(m: LayoutReply): void }

scope.onmessage = (e) => {
  const { id, elements, fixed } = e.data
  try {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
      elements,
    })
    cy.layout(forceOptions(cy.nodes().length, fixed)).run()
    const positions: Record<string, { x: number; y: number }> = {}
    cy.nodes().forEach((n) => { positions[n.id()] = { ...n.position() } })
    cy.destroy()
    scope.postMessage({ id, positions })
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) })
  }
}
