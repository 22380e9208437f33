import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render } from '@testing-library/react'
import cytoscape from 'cytoscape'
import type { GraphNode } from '../../../electron/core/types'
import type { StudyCard } from '../../../electron/core/study/study-types'
import { Flashcard } from './Flashcard'
import { DrillView } from './DrillView'
import { pct } from './ReadinessView'
import { applyProgress } from './progressOnGraph'
import { studyStartFromHash } from './studyHash'
import { NodeList } from '../components/NodeList'

afterEach(cleanup)

const card: StudyCard = {
  id: 'c1', kind: 'tip', front: 'Real-time ingestion with shards?', back: 'Amazon Kinesis Data Streams', note: 'D1/ingest.md',
  section: 'streaming', line: 12, entities: ['service:amazon-kinesis-data-streams'], state: 'new', domain: 'D1',
}

function renderCard(revealed: boolean) {
  const handlers = { onReveal: vi.fn(), onGrade: vi.fn(), onUndo: vi.fn(), onEnd: vi.fn(), onOpenSource: vi.fn() }
  const r = render(<Flashcard card={card} revealed={revealed} {...handlers} />)
  return { ...r, ...handlers, el: r.getByRole('group', { name: 'Flashcard' }) }
}

describe('Flashcard', () => {
  it('takes the focus; Space shows the answer, and 1–4 do nothing before it is shown', () => {
    const { el, onReveal, onGrade, getByRole } = renderCard(false)
    expect(document.activeElement).toBe(el)
    expect(getByRole('button', { name: 'Show answer' })).toBeTruthy()
    fireEvent.keyDown(el, { key: '3' })
    expect(onGrade).not.toHaveBeenCalled()
    fireEvent.keyDown(el, { key: ' ' })
    expect(onReveal).toHaveBeenCalledTimes(1)
  })
  it('once shown: the four grade buttons, keys 1–4, U undoes, Esc ends, and a link to the source note', () => {
    const { el, onGrade, onUndo, onEnd, onOpenSource, getByRole, getByText } = renderCard(true)
    expect(getByText('Amazon Kinesis Data Streams')).toBeTruthy()
    for (const name of ['Again', 'Hard', 'Good', 'Easy']) expect(getByRole('button', { name })).toBeTruthy()
    fireEvent.keyDown(el, { key: '1' })
    fireEvent.keyDown(el, { key: '4' })
    fireEvent.click(getByRole('button', { name: 'Good' }))
    expect(onGrade.mock.calls.map((c) => c[0])).toEqual(['again', 'easy', 'good'])
    fireEvent.keyDown(el, { key: 'u' })
    fireEvent.keyDown(el, { key: 'Escape' })
    expect(onUndo).toHaveBeenCalledTimes(1)
    expect(onEnd).toHaveBeenCalledTimes(1)
    fireEvent.click(getByRole('button', { name: /Open in note: ingest\.md § streaming/ }))
    expect(onOpenSource).toHaveBeenCalledWith(card)
  })
  it('says which note and section a card comes from, before its answer, and names them on the link', () => {
    const placed: StudyCard = { ...card, front: 'Where to look', place: { note: '1.10 Optimizing Data Loading', section: 'Spot the bottleneck first' } }
    const handlers = { onReveal: vi.fn(), onGrade: vi.fn(), onUndo: vi.fn(), onEnd: vi.fn(), onOpenSource: vi.fn() }
    const { getByLabelText, getByRole, rerender } = render(<Flashcard card={placed} revealed={false} {...handlers} />)
    expect(getByLabelText('From').textContent).toBe('1.10 Optimizing Data Loading › Spot the bottleneck first')
    rerender(<Flashcard card={placed} revealed {...handlers} />)
    expect(getByRole('button', { name: 'Open in note: 1.10 Optimizing Data Loading › Spot the bottleneck first' })).toBeTruthy()
  })
})

describe('Which service?', () => {
  it('takes the focus and answers with keys 1–4, once', () => {
    const question = { card: 'c1', cue: 'Streams records with replay', answer: 'service:kds', options: [{ id: 'service:fh', label: 'Amazon Data Firehose' }, { id: 'service:kds', label: 'Amazon Kinesis Data Streams' }, { id: 'service:msk', label: 'Amazon MSK' }, { id: 'service:sqs', label: 'Amazon SQS' }], note: 'a.md', section: '', line: 1, place: { note: '1.3 Data Ingestion', section: 'The streaming services' } }
    const onChoose = vi.fn()
    const { getByRole, getByLabelText, rerender } = render(<DrillView question={question} chosen={null} onChoose={onChoose} onNext={vi.fn()} onOpenSource={vi.fn()} />)
    const el = getByRole('group', { name: 'Which service?' })
    expect(document.activeElement).toBe(el)
    expect(getByLabelText('From').textContent).toBe('1.3 Data Ingestion › The streaming services')
    fireEvent.keyDown(el, { key: '2' })
    expect(onChoose).toHaveBeenCalledWith('service:kds')
    rerender(<DrillView question={question} chosen="service:kds" onChoose={onChoose} onNext={vi.fn()} onOpenSource={vi.fn()} />)
    fireEvent.keyDown(el, { key: '3' })
    expect(onChoose).toHaveBeenCalledTimes(1)
  })
})

describe('readiness figures', () => {
  it('reads "<1%" for a start below one percent, never "0%" once something is ready', () => {
    expect([pct(0), pct(0.003), pct(0.006), pct(0.5), pct(1)]).toEqual(['0%', '<1%', '1%', '50%', '100%'])
  })
})

describe('progress on the graph', () => {
  const cy = cytoscape({
    headless: true,
    elements: [
      { data: { id: 'service:a', type: 'service' } },
      { data: { id: 'concept:b', type: 'concept' } },
      { data: { id: 'note:n.md', type: 'note' } },
      { data: { id: 'domain:D1', type: 'domain' } },
    ],
  })
  const progress = { states: { 'service:a': 'review' as const, 'note:n.md': 'learning' as const }, marks: {}, due: ['note:n.md'], weakest: ['service:a'] }

  it('puts data(progress) on service, concept and note nodes (new when nothing is known)', () => {
    applyProgress(cy, progress, { colour: false, filter: 'none' })
    expect(cy.nodes().map((n) => [n.id(), n.data('progress') as string | undefined])).toEqual([
      ['service:a', 'review'], ['concept:b', 'new'], ['note:n.md', 'learning'], ['domain:D1', undefined],
    ])
    expect(cy.nodes('.pg-review').length).toBe(0)
  })
  it('colours by progress and filters to the due or weakest nodes, and back', () => {
    applyProgress(cy, progress, { colour: true, filter: 'due' })
    expect(cy.getElementById('service:a').hasClass('pg-review')).toBe(true)
    expect(cy.nodes().filter((n) => !n.hasClass('pg-out')).map((n) => n.id())).toEqual(['note:n.md'])
    applyProgress(cy, progress, { colour: true, filter: 'weakest' })
    expect(cy.nodes().filter((n) => !n.hasClass('pg-out')).map((n) => n.id())).toEqual(['service:a'])
    applyProgress(cy, progress, { colour: false, filter: 'none' })
    expect(cy.nodes('.pg-out, .pg-review, .pg-learning').length).toBe(0)
  })
})

describe('study hash and the node list', () => {
  it('reads #?study=review among other parameters, and nothing else', () => {
    expect(studyStartFromHash('#?study=review')).toBe('review')
    expect(studyStartFromHash('#?select=service:aws-glue&study=drill')).toBe('drill')
    expect(studyStartFromHash('#?study=everything')).toBeNull()
    expect(studyStartFromHash('')).toBeNull()
  })
  it('sorts the node list by progress, least learned first', () => {
    const nodes: GraphNode[] = [
      { id: 'service:a', type: 'service', label: 'Alpha' },
      { id: 'service:b', type: 'service', label: 'Beta' },
      { id: 'service:c', type: 'service', label: 'Gamma' },
    ]
    const { getByLabelText, getAllByRole } = render(
      <NodeList nodes={nodes} selected={null} onChoose={() => undefined} fieldLabel="Filter nodes" progress={{ 'service:a': 'mastered', 'service:b': 'new', 'service:c': 'learning' }} />,
    )
    expect(getAllByRole('option').map((o) => o.textContent)).toEqual(['Alphamasteredservice', 'Betanewservice', 'Gammalearningservice'])
    fireEvent.click(getByLabelText('Sort by progress'))
    expect(getAllByRole('option').map((o) => o.textContent?.replace(/(mastered|new|learning)service$/, ''))).toEqual(['Beta', 'Gamma', 'Alpha'])
  })
})
