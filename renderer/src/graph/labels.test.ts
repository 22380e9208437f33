import { describe, expect, it } from 'vitest'
import { hubServices, labelImportance, LABEL_LINE, wrapLabel } from './labels'
import { labelBox, pickLabels } from './labelPick'

describe('label priority', () => {
  it('tries domains, then notes, then services, then concepts, then tags, whatever their connections', () => {
    const order = [
      labelImportance('concept', 500),
      labelImportance('tag', 900),
      labelImportance('service', 3),
      labelImportance('note', 1),
      labelImportance('domain', 1e6 + 2),
    ]
    expect([...order].sort((a, b) => b - a)).toEqual([order[4], order[3], order[2], order[0], order[1]])
    // within one kind, the more connected first
    expect(labelImportance('service', 40)).toBeGreaterThan(labelImportance('service', 39))
    // a selected or compared node before everything
    expect(labelImportance('tag', 0, true)).toBeGreaterThan(labelImportance('domain', 1e6 + 50))
    // a hub service after the domains but before any note
    expect(labelImportance('service', 3, false, true)).toBeGreaterThan(labelImportance('note', 1e5))
    expect(labelImportance('service', 1e5, false, true)).toBeLessThan(labelImportance('domain', 1e6))
  })

  it('counts as hubs the services among the few most important nodes, domains aside', () => {
    const nodes = [
      { id: 'domain:D1', type: 'domain' },
      { id: 'service:s3', type: 'service' },
      { id: 'note:a', type: 'note' },
      { id: 'service:glue', type: 'service' },
      ...Array.from({ length: 97 }, (_, i) => ({ id: `concept:${i}`, type: 'concept' })),
    ]
    // 100 nodes besides the domain: the 2 most important are looked at
    const score = new Map<string, number>([['domain:D1', 1e6], ['service:s3', 90], ['note:a', 80], ['service:glue', 70], ...nodes.slice(4).map((n, i) => [n.id, i % 50] as [string, number])])
    expect(hubServices(nodes, score)).toEqual(new Set(['service:s3']))
    // an unconnected graph has no hubs
    expect(hubServices(nodes, new Map()).size).toBe(0)
  })
})

describe('label wrapping', () => {
  it('keeps a short name on one line', () => {
    expect(wrapLabel('Amazon S3')).toBe('Amazon S3')
    expect(wrapLabel('x'.repeat(LABEL_LINE))).toBe('x'.repeat(LABEL_LINE))
  })

  it('breaks a long name into balanced lines without cutting it', () => {
    expect(wrapLabel('1.7 Feature Engineering and Transformation', 'note')).toBe('1.7 Feature Engineering\nand Transformation')
    expect(wrapLabel('Domain 1: Data Preparation for Machine Learning (ML)', 'domain')).toBe('Domain 1:\nData Preparation for\nMachine Learning (ML)')
    for (const line of wrapLabel('Domain 4: ML Solution Monitoring, Maintenance, and Security', 'domain').split('\n')) expect(line.length).toBeLessThanOrEqual(LABEL_LINE)
    expect(wrapLabel('Domain 4: ML Solution Monitoring, Maintenance, and Security', 'domain')).not.toContain('…')
  })

  it('cuts with an ellipsis only what does not fit on its lines', () => {
    const long = 'Amazon SageMaker Inference Recommender for Real-Time Endpoints and Batch Transform Jobs'
    const text = wrapLabel(long, 'service')
    expect(text.split('\n')).toHaveLength(2)
    expect(text.endsWith('…')).toBe(true)
    expect(wrapLabel('Supercalifragilisticexpialidocious-and-more', 'concept')).toBe(`${'Supercalifragilisticexpialidocious-and-more'.slice(0, LABEL_LINE - 1)}…`)
  })

  it('gives a wrapped label the height of its lines, so two labels stacked closely are told apart', () => {
    const one = labelBox({ id: 'a', text: 'one line', x: 100, y: 100, nodeHeight: 10, importance: 1, fontPx: 12 }, 50, 3)
    const two = labelBox({ id: 'a', text: 'two\nlines', x: 100, y: 100, nodeHeight: 10, importance: 1, fontPx: 12 }, 50, 3)
    expect(two.y2 - two.y1).toBeCloseTo(one.y2 - one.y1 + 12)
    // a label whose second line would reach into the label of the node below is not shown
    const measure = (t: string) => t.length * 0.6
    const picked = pickLabels([
      { id: 'top', text: 'first line\nsecond line', x: 100, y: 100, nodeHeight: 10, importance: 2, fontPx: 12 },
      { id: 'under', text: 'below', x: 100, y: 130, nodeHeight: 10, importance: 1, fontPx: 12 },
    ], { measure, padding: 2, width: 400, height: 400 })
    expect(picked.map((p) => p.id)).toEqual(['top'])
    const single = pickLabels([
      { id: 'top', text: 'first line', x: 100, y: 100, nodeHeight: 10, importance: 2, fontPx: 12 },
      { id: 'under', text: 'below', x: 100, y: 130, nodeHeight: 10, importance: 1, fontPx: 12 },
    ], { measure, padding: 2, width: 400, height: 400 })
    expect(single.map((p) => p.id)).toEqual(['top', 'under'])
  })
})
