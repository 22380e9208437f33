import { describe, expect, it } from 'vitest'
import { escapeXml, sceneToSvg, type SvgNode } from './svgExport'

const node = (over: Partial<SvgNode>): SvgNode => ({
  x: 0, y: 0, width: 20, height: 20, shape: 'ellipse', fill: '#f90', stroke: '#000', strokeWidth: 0,
  opacity: 1, label: '', fontSize: 10, color: '#222', ...over,
})

describe('SVG export', () => {
  it('draws nodes, edges and escaped labels inside the viewBox', () => {
    const svg = sceneToSvg({
      nodes: [node({ x: 0, y: 0, label: 'S3 <Standard> & "IA"' }), node({ x: 100, y: 50, shape: 'diamond' })],
      edges: [{ x1: 0, y1: 0, x2: 100, y2: 50, color: '#999', width: 1.5, opacity: 0.5 }],
      background: '#fff',
    })
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
    expect(doc.querySelectorAll('ellipse')).toHaveLength(1)
    expect(doc.querySelectorAll('polygon')).toHaveLength(1)
    expect(doc.querySelector('line')?.getAttribute('stroke-opacity')).toBe('0.5')
    expect(doc.querySelector('text')?.textContent).toBe('S3 <Standard> & "IA"')
    const [x, y, w, h] = doc.documentElement.getAttribute('viewBox')!.split(' ').map(Number)
    expect(x).toBeLessThanOrEqual(-10)
    expect(y).toBeLessThanOrEqual(-10)
    expect(x + w).toBeGreaterThanOrEqual(110)
    expect(y + h).toBeGreaterThanOrEqual(60)
  })

  it('produces a valid empty document for an empty view', () => {
    const doc = new DOMParser().parseFromString(sceneToSvg({ nodes: [], edges: [] }), 'image/svg+xml')
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
  })

  it('escapes all XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;')
  })
})
