import { describe, expect, it } from 'vitest'
import { localRing, type RingItem } from './localRing'
import { outwardSides } from './labels'

const canvas = { width: 450, height: 770, maxZoom: 4 }
const item = (id: string, kind: string, rank: number, size = 20, lines = 1): RingItem => ({ id, kind, rank, size, lines })

function neighbours(n: number): RingItem[] {
  const kinds = ['note', 'service', 'concept']
  return Array.from({ length: n }, (_, i) => item(`${kinds[i % 3]}:${i}`, kinds[i % 3], i, 14 + (i % 5) * 8, i % 4 === 0 ? 2 : 1))
}

describe('localRing: the local graph in two columns around its centre', () => {
  const centre = item('service:aws-glue', 'service', -1, 40)
  const around = neighbours(38)
  const ring = localRing([centre, ...around], centre.id, canvas, 140)!

  it('puts the centre in the middle and every neighbour in a column beside it', () => {
    expect(ring.positions[centre.id]).toEqual({ x: 0, y: 0 })
    for (const n of around) expect(Math.abs(ring.positions[n.id].x)).toBeGreaterThan(0)
    const right = around.filter((n) => ring.positions[n.id].x > 0)
    const left = around.filter((n) => ring.positions[n.id].x < 0)
    expect(right.length + left.length).toBe(around.length)
    expect(Math.abs(right.length - left.length)).toBeLessThanOrEqual(6)
  })

  it('keeps kinds together, services first, best connected first, read top to bottom', () => {
    const right = around.filter((n) => ring.positions[n.id].x > 0).sort((a, b) => ring.positions[a.id].y - ring.positions[b.id].y)
    const services = around.filter((n) => n.kind === 'service').sort((a, b) => a.rank - b.rank)
    expect(right.slice(0, services.length).map((n) => n.id)).toEqual(services.map((n) => n.id))
  })

  it('leaves no two nodes overlapping, and two-line names taller rows', () => {
    const all = [centre, ...around]
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const a = ring.positions[all[i].id]
        const b = ring.positions[all[j].id]
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual((all[i].size + all[j].size) / 2)
      }
    }
    // within a column, the gap above a two-line name's row is bigger than between two one-line rows
    const col = around.filter((n) => ring.positions[n.id].x > 0).sort((a, b) => ring.positions[a.id].y - ring.positions[b.id].y)
    const gaps = col.slice(1).map((n, k) => ({ lines: n.lines + col[k].lines, gap: ring.positions[n.id].y - ring.positions[col[k].id].y }))
    const oneLine = gaps.filter((g) => g.lines === 2).map((g) => g.gap)
    const withTwo = gaps.filter((g) => g.lines === 3).map((g) => g.gap)
    expect(Math.min(...withTwo)).toBeGreaterThan(Math.max(...oneLine))
  })

  it('leaves each column free level with the centre, where the centre\'s own name goes', () => {
    for (const sign of [1, -1]) {
      const ys = around.filter((n) => Math.sign(ring.positions[n.id].x) === sign).map((n) => ring.positions[n.id].y).sort((a, b) => a - b)
      const gaps = ys.slice(1).map((y, k) => ({ from: ys[k], to: y, size: y - ys[k] }))
      const widest = gaps.reduce((a, b) => (b.size > a.size ? b : a))
      expect(widest.from).toBeLessThan(20)
      expect(widest.to).toBeGreaterThan(0)
      expect(widest.size).toBeGreaterThan(1.5 * Math.max(...gaps.filter((g) => g !== widest).map((g) => g.size)))
    }
  })

  it('splits the columns where two kinds meet when that is near the middle', () => {
    // 10 services, 8 notes, 4 concepts: the services' column ends where the notes begin (10 of 22 rows)
    const mixed = [
      ...Array.from({ length: 10 }, (_, i) => item(`service:${i}`, 'service', i)),
      ...Array.from({ length: 8 }, (_, i) => item(`note:${i}`, 'note', i)),
      ...Array.from({ length: 4 }, (_, i) => item(`concept:${i}`, 'concept', i)),
    ]
    const r = localRing([centre, ...mixed], centre.id, canvas, 140)!
    const side = (kind: string) => new Set(mixed.filter((n) => n.kind === kind).map((n) => Math.sign(r.positions[n.id].x)))
    expect(side('service')).toEqual(new Set([1]))
    expect(side('note')).toEqual(new Set([-1]))
    expect(side('concept')).toEqual(new Set([-1]))
  })

  it('keeps the names room at the sides of the fit, at most a third of the canvas each', () => {
    expect(ring.padding.x).toBe(148)
    expect(localRing([centre, ...around], centre.id, canvas, 400)!.padding.x).toBe(150)
  })

  it('gives up when the columns would not hold their names (the caller packs the nodes instead)', () => {
    expect(localRing([centre, ...neighbours(200)], centre.id, canvas, 140)).toBeNull()
    expect(localRing([centre], centre.id, canvas, 140)).toBeNull()
  })
})

describe('outwardSides', () => {
  it('puts a name beside its node, away from the centre, then below or above it', () => {
    expect(outwardSides(50, -10)).toEqual(['right', 'above', 'below', 'left'])
    expect(outwardSides(-50, 10)).toEqual(['left', 'below', 'above', 'right'])
    expect(outwardSides(0, 0)[0]).toBe('below')
  })
})
