import { describe, expect, it } from 'vitest'
import { byCharacters, labelBox, overlaps, pickLabels, type LabelCandidate } from './labelPick'

const measure = (t: string) => t.length * 0.6
const opts = { measure, padding: 2, width: 800, height: 600 }

function candidates(n: number, seed = 7): LabelCandidate[] {
  let s = seed
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647)
  return Array.from({ length: n }, (_, i) => ({
    id: `n${i}`, text: `label number ${i}`, x: rnd() * 800, y: rnd() * 600, nodeHeight: 10, importance: rnd() * 100, fontPx: 11,
  }))
}

describe('pickLabels', () => {
  it('never shows two labels whose boxes overlap', () => {
    const picked = pickLabels(candidates(400), opts)
    expect(picked.length).toBeGreaterThan(20)
    for (let i = 0; i < picked.length; i++) for (let j = i + 1; j < picked.length; j++) expect(overlaps(picked[i].box, picked[j].box)).toBe(false)
  })

  it('gives a contested place to the more important node', () => {
    const a: LabelCandidate = { id: 'minor', text: 'Minor thing', x: 100, y: 100, nodeHeight: 10, importance: 1, fontPx: 11 }
    const b: LabelCandidate = { ...a, id: 'major', text: 'Major thing', x: 110, importance: 5 }
    expect(pickLabels([a, b], opts).map((p) => p.id)).toEqual(['major'])
  })

  it('shows labels in order of importance, up to the cap, and skips those off screen', () => {
    const c = candidates(50)
    const picked = pickLabels(c, { ...opts, cap: 5 })
    expect(picked).toHaveLength(5)
    const imp = new Map(c.map((x) => [x.id, x.importance]))
    const values = picked.map((p) => imp.get(p.id)!)
    expect([...values].sort((x, y) => y - x)).toEqual(values)
    const off: LabelCandidate = { id: 'off', text: 'far away', x: 5000, y: 5000, nodeHeight: 10, importance: 1e9, fontPx: 11 }
    expect(pickLabels([off], opts)).toEqual([])
  })

  it('puts the label box under the node, as wide as its text', () => {
    const box = labelBox({ id: 'a', text: 'abcdefghij', x: 50, y: 50, nodeHeight: 20, importance: 1, fontPx: 10 }, 60, 3)
    expect(box.y1).toBeGreaterThan(50 + 10)
    expect(box.x2 - box.x1).toBeGreaterThanOrEqual(60)
  })

  it('keeps a label whole on screen or leaves it out', () => {
    const edge: LabelCandidate = { id: 'edge', text: 'a rather long name', x: 5, y: 100, nodeHeight: 10, importance: 1, fontPx: 11 }
    expect(pickLabels([edge], opts)).toEqual([])
  })

  it('moves a label that must stay (fallback sides) above or beside its node when the place below is taken', () => {
    const a: LabelCandidate = { id: 'a', text: 'Amazon Glue thing', x: 100, y: 100, nodeHeight: 10, importance: 5, fontPx: 11 }
    const b: LabelCandidate = { ...a, id: 'b', text: 'Amazon Kinesis', x: 110, importance: 4, fallback: ['above', 'right'] }
    const picked = pickLabels([a, b], opts)
    expect(picked.map((p) => [p.id, p.side])).toEqual([['a', 'below'], ['b', 'above']])
    expect(overlaps(picked[0].box, picked[1].box)).toBe(false)
  })

  it('puts a right-side label beside the node, centred on it', () => {
    const box = labelBox({ id: 'a', text: 'S3', x: 50, y: 50, nodeHeight: 10, nodeWidth: 10, gapPx: 3, side: 'right', importance: 1, fontPx: 10 }, 20, 3)
    expect(box.x1).toBeGreaterThan(50 + 5)
    expect((box.y1 + box.y2) / 2).toBeCloseTo(50)
  })
})

describe('pickLabels beside nodes, clear of other nodes (the local graph)', () => {
  const node = (id: string, x: number, y: number, r = 8) => ({ id, x1: x - r, y1: y - r, x2: x + r, y2: y + r })

  it('puts a left label box before the node, vertically centred', () => {
    const box = labelBox({ id: 'a', text: 'abc', x: 200, y: 100, nodeHeight: 16, nodeWidth: 16, gapPx: 3, importance: 1, fontPx: 10, side: 'left' }, 60, 3)
    expect(box.x2).toBeCloseTo(200 - 8 - 3 + 2)
    expect(box.x2 - box.x1).toBeCloseTo(60 + 4)
    expect((box.y1 + box.y2) / 2).toBeCloseTo(100)
  })

  it('keeps a label off every node but its own, trying its other sides', () => {
    // a neighbour sits where the label would go on the right: the label goes to the next side that is clear
    const c: LabelCandidate = { id: 'a', text: 'Amazon S3', x: 100, y: 100, nodeHeight: 16, nodeWidth: 16, gapPx: 3, importance: 1, fontPx: 11, side: 'right', fallback: ['below', 'above', 'left'] }
    const obstacles = [node('a', 100, 100), node('b', 150, 100)]
    const picked = pickLabels([c], { ...opts, obstacles })
    expect(picked.map((p) => p.side)).toEqual(['below'])
    expect(overlaps(picked[0].box, obstacles[1])).toBe(false)
    // without the neighbour the label sits on its first side, next to its own node
    expect(pickLabels([c], { ...opts, obstacles: [obstacles[0]] }).map((p) => p.side)).toEqual(['right'])
    // no side clear of nodes: no label
    const boxed = [node('a', 100, 100), node('b', 150, 100), node('c', 100, 122), node('d', 100, 78), node('e', 50, 100)]
    expect(pickLabels([c], { ...opts, obstacles: boxed })).toEqual([])
  })
})

describe('a label that may cover nodes (the local graph centre)', () => {
  it('goes over other nodes but still never over another label', () => {
    const node = { id: 'n', x1: 295, y1: 115, x2: 305, y2: 125 }
    const centre: LabelCandidate = { id: 'c', text: 'Amazon SageMaker Feature Store', x: 300, y: 100, nodeHeight: 16, importance: 10, fontPx: 11, overNodes: true }
    expect(pickLabels([centre], { ...opts, obstacles: [node] }).map((p) => p.side)).toEqual(['below'])
    expect(pickLabels([{ ...centre, overNodes: false }], { ...opts, obstacles: [node] })).toEqual([])
    const first: LabelCandidate = { ...centre, id: 'a', importance: 20 }
    expect(pickLabels([first, { ...centre, x: 304 }], { ...opts, obstacles: [node] }).map((p) => p.id)).toEqual(['a'])
  })
})

describe('byCharacters (text widths for the label rules)', () => {
  // a fake canvas: each character its own width, and a whole string 1 narrower per kerned "AV" pair
  const widths: Record<string, number> = { A: 60, V: 58, W: 80, S: 55, ' ': 25, e: 50, é: 50, '\u0301': 0 }
  const calls: string[] = []
  const canvas = (t: string) => {
    calls.push(t)
    let w = 0
    for (const c of t) w += widths[c] ?? 50
    return w - (t.match(/AV/g)?.length ?? 0)
  }

  it('adds up the characters of plain text, measuring each character once, and never comes out short', () => {
    calls.length = 0
    const measure = byCharacters(canvas)
    expect(measure('AWS')).toBe(195)
    expect(measure('AV SAVES')).toBe(canvas('AV SAVES') + 2)
    expect(calls.filter((c) => c.length > 1)).toEqual(['AV SAVES']) // only the check above measured a whole string
    expect(calls.filter((c) => c === 'A')).toHaveLength(1)
  })

  it('measures text outside printable ASCII whole (accents may combine, scripts shape across letters)', () => {
    calls.length = 0
    const measure = byCharacters(canvas)
    expect(measure('Se\u0301')).toBe(canvas('Se\u0301'))
    expect(calls[0]).toBe('Se\u0301')
  })
})
