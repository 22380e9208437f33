import { describe, expect, it } from 'vitest'
import { packLayout, type PackItem } from './packLayout'
import { fitZoom, packWithLabelRoom, ROOM_FONT_PX } from './labelRoom'

const canvas = { width: 1100, height: 820, padding: 30, maxZoom: 4 }
const names = ['AWS Key Management Service', 'Amazon S3', 'Amazon Simple Queue Service', 'AWS Budgets', 'Amazon CloudWatch', 'Elastic Load Balancing', 'AWS CloudTrail']
const width = (id: string) => names[Number(id.slice(1)) % names.length].length * 0.55

function items(n: number): PackItem[] {
  return Array.from({ length: n }, (_, i) => ({ id: `n${i}`, size: 14 + ((i * 7) % 30), group: `g${i % 3}`, rank: i }))
}

/** Pairs of labels (13 px on screen at the fit zoom, centred under their node) that overlap. */
function labelOverlaps(list: PackItem[], pos: Record<string, { x: number; y: number }>): number {
  const z = fitZoom(list, pos, canvas)
  const boxes = list.map((it) => {
    const p = pos[it.id]
    const w = width(it.id) * ROOM_FONT_PX
    const top = p.y * z + (it.size / 2) * z + 3
    return { x1: p.x * z - w / 2, x2: p.x * z + w / 2, y1: top, y2: top + ROOM_FONT_PX * 1.25 }
  })
  let n = 0
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j]
    if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) n++
  }
  return n
}

describe('label room', () => {
  it('packs a small view so that every label fits beside its neighbours at the fit zoom', () => {
    const list = items(50)
    const plain = packLayout(list, { aspect: 1.34 })
    const roomy = packWithLabelRoom(list, { aspect: 1.34 }, width, canvas)
    expect(labelOverlaps(list, plain.positions)).toBeGreaterThan(0)
    expect(labelOverlaps(list, roomy.positions)).toBe(0)
  })

  it('keeps the plain packing when the labels could not all fit anyway', () => {
    const list = items(1500)
    expect(packWithLabelRoom(list, { aspect: 1.34 }, width, canvas).positions).toEqual(packLayout(list, { aspect: 1.34 }).positions)
  })
})

describe('label room on a big view', () => {
  it('keeps the plain packing without measuring a label when even empty labels could not fit', () => {
    let measured = 0
    const list = items(3000)
    const out = packWithLabelRoom(list, {}, (id) => { measured++; return width(id) }, canvas)
    expect(measured).toBe(0)
    expect(out.positions).toEqual(packLayout(list, {}).positions)
  })
})
