// Enter in the search box against a backend that has not answered yet: the best name/alias match opens.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Graph, SearchHit } from '../../../electron/core/types'
import type { RendererApi } from '../../../electron/shared/contract'
import type { GraphController } from '../graph/controller'
import { Search } from './Search'
import { exploreStore } from './store'
import { enterChoice } from './searchEnter'

afterEach(cleanup)

const graph: Graph = {
  nodes: [
    { id: 'service:amazon-kinesis-data-streams', type: 'service', label: 'Amazon Kinesis Data Streams', aliases: ['KDS', 'Kinesis Data Streams'] },
    { id: 'service:amazon-data-firehose', type: 'service', label: 'Amazon Data Firehose', aliases: ['KDF', 'Kinesis Data Firehose', 'Kinesis Firehose'] },
    { id: 'note:D1/ingest.md', type: 'note', label: 'Ingestion on AWS', path: 'D1/ingest.md' },
  ],
  edges: [],
  diagnostics: [],
}

function setup(search: RendererApi['search']) {
  const controller = { focus: vi.fn(), openNote: vi.fn(), selected: () => null } as unknown as GraphController
  const api = { search, on: () => () => undefined } as unknown as RendererApi
  render(<Search controller={controller} graph={graph} api={api} />)
  return { controller, box: screen.getByRole('combobox', { name: 'Search' }) }
}

describe('Search: Enter', () => {
  it('opens the best alias match at once, before the results have arrived', () => {
    const pending = vi.fn(() => new Promise<SearchHit[]>(() => undefined))
    const { controller, box } = setup(pending)
    fireEvent.change(box, { target: { value: 'KDF' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    expect(controller.focus).toHaveBeenCalledWith('service:amazon-data-firehose')
  })

  it('waits for the core when nothing matches by name (a full-text hit opens its note)', async () => {
    const text: SearchHit = {
      kind: 'text', id: 'note:D1/ingest.md', label: 'Ingestion on AWS', score: 95,
      snippet: { path: 'D1/ingest.md', noteTitle: 'Ingestion on AWS', section: 'buffering', sectionTitle: 'Buffering', line: 12, text: 'buffer hints' },
    }
    const { controller, box } = setup(vi.fn(async () => [text]))
    fireEvent.change(box, { target: { value: 'buffer hints' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    await waitFor(() => expect(controller.openNote).toHaveBeenCalledWith('D1/ingest.md', 'buffering', 12))
    expect(controller.focus).not.toHaveBeenCalled()
  })

  it('keeps the row the user moved to when the list answers the typed query', () => {
    const hits: SearchHit[] = [
      { kind: 'node', id: 'service:amazon-data-firehose', label: 'Amazon Data Firehose', score: 900 },
      { kind: 'node', id: 'service:amazon-kinesis-data-streams', label: 'Amazon Kinesis Data Streams', score: 500 },
    ]
    expect(enterChoice({ query: 'kinesis', hits, hitsFor: 'kinesis', active: 1 }, graph.nodes)?.id).toBe('service:amazon-kinesis-data-streams')
    // a list for an older query is not trusted
    expect(enterChoice({ query: 'KDS', hits, hitsFor: 'kinesis', active: 0 }, graph.nodes)?.id).toBe('service:amazon-kinesis-data-streams')
    expect(enterChoice({ query: '  ', hits, hitsFor: '', active: 0 }, graph.nodes)).toBeUndefined()
  })
})

describe('Search: what the box says', () => {
  it('keeps the name it found while that node is selected, and clears it once another one is', async () => {
    const { box } = setup(vi.fn(() => new Promise<SearchHit[]>(() => undefined)))
    fireEvent.change(box, { target: { value: 'KDF' } })
    fireEvent.keyDown(box, { key: 'Enter' })
    box.blur()
    expect(box).toHaveProperty('value', 'KDF')
    // the selection the search made changes nothing
    exploreStore.set({ selected: 'service:amazon-data-firehose' })
    expect(box).toHaveProperty('value', 'KDF')
    // a click on another node of the graph
    exploreStore.set({ selected: 'service:amazon-kinesis-data-streams' })
    await waitFor(() => expect(box).toHaveProperty('value', ''))
  })

  it('leaves what the user is typing alone', async () => {
    const { box } = setup(vi.fn(() => new Promise<SearchHit[]>(() => undefined)))
    box.focus()
    fireEvent.change(box, { target: { value: 'Glu' } })
    exploreStore.set({ selected: 'note:D1/ingest.md' })
    await new Promise((r) => setTimeout(r, 20))
    expect(box).toHaveProperty('value', 'Glu')
  })
})
