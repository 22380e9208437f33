import { describe, expect, it } from 'vitest'
import { boundsOf, footprintBox, packLayout, type PackItem } from './packLayout'

function items(n: number, groups: number): PackItem[] {
  return Array.from({ length: n }, (_, i) => ({ id: `n${i}`, size: 8 + ((i * 7) % 43), group: `g${i % groups}`, rank: (i * 13) % 17 }))
}

/** Pairs of items whose square boxes (centre ± size/2) overlap. */
function overlapping(list: PackItem[], pos: Record<string, { x: number; y: number }>): string[] {
  const out: string[] = []
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i], b = list[j]
      const pa = pos[a.id], pb = pos[b.id]
      if (Math.abs(pa.x - pb.x) < (a.size + b.size) / 2 && Math.abs(pa.y - pb.y) < (a.size + b.size) / 2) out.push(`${a.id}×${b.id}`)
    }
  }
  return out
}

describe('packLayout', () => {
  it('places every node, with no two node boxes overlapping', () => {
    const list = items(600, 5)
    const { positions } = packLayout(list)
    expect(Object.keys(positions)).toHaveLength(600)
    expect(overlapping(list, positions)).toEqual([])
  })

  it('keeps groups apart and the most important node of a group at its centre', () => {
    const list = items(300, 3)
    list.push({ id: 'hub', size: 40, group: 'g0', rank: -1 })
    const { positions, groups } = packLayout(list)
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i], b = groups[j]
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false)
      }
    }
    const g0 = groups.find((g) => g.id === 'g0')!
    const hub = positions.hub
    expect(Math.abs(hub.x - (g0.x1 + g0.x2) / 2)).toBeLessThan((g0.x2 - g0.x1) / 4)
  })

  it('is deterministic', () => {
    const list = items(200, 4)
    expect(packLayout(list).positions).toEqual(packLayout([...list].reverse()).positions)
  })

  it('keeps room for labels in rows when asked (footprints do not overlap)', () => {
    const list = items(120, 3).map((it) => ({ ...it, footprint: { width: 60 + (it.size % 5) * 10, height: it.size + 16 } }))
    const { positions } = packLayout(list, { shelf: true, gap: 4 })
    const boxes = list.map((it) => ({ x1: positions[it.id].x - it.footprint.width / 2, x2: positions[it.id].x + it.footprint.width / 2, y1: positions[it.id].y - it.size / 2, y2: positions[it.id].y - it.size / 2 + it.footprint.height }))
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j]
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false)
      }
    }
  })

  it('puts a small group beside a dominant one when that fits a wide canvas better', () => {
    const big = Array.from({ length: 50 }, (_, i) => ({ id: `b${i}`, size: 30, group: 'big', rank: i }))
    const small = Array.from({ length: 8 }, (_, i) => ({ id: `s${i}`, size: 30, group: 'small', rank: i }))
    const { groups, positions } = packLayout([...big, ...small], { aspect: 1.4 })
    const [gb, gs] = [groups.find((g) => g.id === 'big')!, groups.find((g) => g.id === 'small')!]
    // side by side: their vertical extents overlap
    expect(gs.y1 < gb.y2 && gb.y1 < gs.y2).toBe(true)
    const xs = Object.values(positions).map((p) => p.x)
    const ys = Object.values(positions).map((p) => p.y)
    expect((Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys))).toBeGreaterThan(1)
  })

  it('in columns, labels beside their nodes: no two footprints or groups overlap, and the picture suits the canvas', () => {
    const list = items(200, 9).map((it) => ({ ...it, size: 10 + (it.size % 12), footprint: { width: 60 + ((it.size * 7) % 90), height: 28, anchor: 'left' as const } }))
    const { positions, groups } = packLayout(list, { shelf: true, columns: true, gap: 3, groupGap: 30, aspect: 1.3 })
    const boxes = list.map((it) => footprintBox(it, positions[it.id]))
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j]
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2, `${list[i].id}×${list[j].id}`).toBe(false)
      }
    }
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i], b = groups[j]
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false)
      }
    }
    // the node sits at the left end of its footprint
    expect(footprintBox(list[0], positions[list[0].id]).x1).toBeCloseTo(positions[list[0].id].x - list[0].size / 2)
    const b = boundsOf(list, positions)
    const aspect = (b.x2 - b.x1) / (b.y2 - b.y1)
    expect(aspect).toBeGreaterThan(0.9)
    expect(aspect).toBeLessThan(1.9)
  })
})
