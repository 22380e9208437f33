// The explore sidebar against a fake graph view and backend: the URL hash drives the panels and the
// graph, and panel changes are written back to the hash and the per-folder view state.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Graph } from '../../../electron/core/types'
import type { CompareResult } from '../../../electron/core/compare/types'
import type { RendererApi, ViewState } from '../../../electron/shared/contract'
import type { GraphController, NodeFilter } from '../graph/controller'
import { Explore } from './Explore'
import { exploreStore, initialExploreState } from './store'

const graph: Graph = {
  nodes: [
    { id: 'domain:D1', type: 'domain', label: 'Domain 1', domain: 'D1' },
    { id: 'note:a.md', type: 'note', label: 'Note A', path: 'a.md', domain: 'D1' },
    { id: 'service:aws-glue', type: 'service', label: 'AWS Glue', category: 'Analytics' },
    { id: 'service:amazon-kinesis', type: 'service', label: 'Amazon Kinesis', category: 'Analytics' },
  ],
  edges: [
    { id: 'e1', source: 'domain:D1', target: 'note:a.md', type: 'contains' },
    { id: 'e2', source: 'note:a.md', target: 'service:aws-glue', type: 'mentions', weight: 2 },
    { id: 'e3', source: 'note:a.md', target: 'service:amazon-kinesis', type: 'mentions', weight: 1 },
  ],
  diagnostics: [],
}

const compared: CompareResult = {
  ids: ['service:aws-glue', 'service:amazon-kinesis'],
  items: [
    {
      id: 'service:aws-glue', label: 'AWS Glue', summary: 'Serverless ETL.',
      facts: [{ label: 'Latency', value: 'Minutes', source: { path: 'a.md', line: 3, sectionTitle: 'Tools' } }],
      chooseWhen: [{ text: 'scheduled batch ETL', kind: 'tip', source: { path: 'a.md', line: 9, sectionTitle: 'Exam tips' } }],
    },
    {
      id: 'service:amazon-kinesis', label: 'Amazon Kinesis', summary: 'Streams.',
      facts: [{ label: 'Latency', value: 'Real time', via: 'Amazon Kinesis Data Streams', source: { path: 'a.md', line: 4, sectionTitle: 'Tools' } }],
      chooseWhen: [],
    },
  ],
  together: [{ path: 'a.md', noteTitle: 'Note A', section: 'streams', sectionTitle: 'Streams', line: 7, text: 'Glue reads Kinesis.' }],
  notes: ['a.md'],
  shared: [{ id: 'note:a.md', score: 1 }],
  unique: { 'service:aws-glue': [], 'service:amazon-kinesis': [] },
  paths: [['service:aws-glue', 'note:a.md', 'service:amazon-kinesis']],
  families: [['service:aws-glue'], ['service:amazon-kinesis', 'service:amazon-kinesis-data-streams']],
}

function fakeController() {
  let selected: string | null = null
  const c = {
    cy: () => null,
    graph: () => graph,
    select: vi.fn((id: string | null) => void (selected = id)),
    focus: vi.fn((id: string) => void (selected = id)),
    selected: () => selected,
    highlight: vi.fn(),
    setFilter: vi.fn((f: NodeFilter) => ({ nodes: f.types ? graph.nodes.filter((n) => f.types!.includes(n.type)).length : graph.nodes.length, edges: 0 })),
    runLayout: vi.fn(),
    sizeBy: vi.fn(),
    fit: vi.fn(),
    zoom: vi.fn(),
    positions: () => ({}),
    openNote: vi.fn(),
  }
  return c satisfies GraphController
}

function fakeApi(saved: ViewState = {}) {
  let viewState = saved
  const api = {
    getFolder: async () => ({ folder: '/notes', bundled: false, noteCount: 1 }),
    getSettings: async () => ({ theme: 'system' as const, recentFolders: [] }),
    exams: async () => [],
    coverageGaps: async () => [],
    renamed: async () => [],
    search: async () => [],
    compare: vi.fn(async () => compared),
    confusables: vi.fn(async () => ({ groups: [], pairs: [{ a: 'service:aws-glue', b: 'service:amazon-kinesis', score: 1, reason: 'test' }] })),
    centrality: async () => ({ degree: {}, betweenness: {} }),
    neighbourhood: vi.fn(async (id: string) => ({ nodes: [id, 'note:a.md'], edges: [] })),
    getViewState: async () => viewState,
    setViewState: vi.fn(async (v: ViewState) => void (viewState = v)),
    on: () => () => undefined,
  }
  return api as typeof api & RendererApi
}

beforeEach(() => {
  exploreStore.set(initialExploreState)
  history.replaceState(null, '', '/')
})
afterEach(cleanup)

describe('Explore', () => {
  it('opens the comparison named in the URL hash and highlights it', async () => {
    history.replaceState(null, '', '/#?compare=service:aws-glue,service:amazon-kinesis')
    const controller = fakeController()
    const api = fakeApi()
    render(<Explore controller={controller} graph={graph} api={api} />)

    const panel = await screen.findByRole('tabpanel', { name: 'Compare' })
    await waitFor(() => expect(api.compare).toHaveBeenCalledWith(['service:aws-glue', 'service:amazon-kinesis']))
    const notes = await within(panel).findByRole('list', { name: 'Notes mentioning all' })
    expect(within(notes).getByRole('button', { name: 'Note A' })).toBeTruthy()
    // the compared nodes stand out; what links them (path, shared neighbours) is marked apart
    await waitFor(() => expect(controller.highlight).toHaveBeenCalledWith('compare', ['service:aws-glue', 'service:amazon-kinesis']))
    expect(controller.highlight).toHaveBeenCalledWith('compare-link', ['note:a.md'])

    // the decision card: a column per item; shared facts side by side; a cue opens its note line
    const card = within(panel).getByRole('region', { name: 'Decision card' })
    const glue = within(card).getByRole('group', { name: 'Choose AWS Glue when' })
    const kinesis = within(card).getByRole('group', { name: 'Choose Amazon Kinesis when' })
    expect(glue.textContent).toContain('Minutes')
    expect(kinesis.textContent).toContain('Real time')
    expect(kinesis.textContent).toContain('The notes give no cue.')
    fireEvent.click(within(glue).getByRole('button', { name: 'scheduled batch ETL' }))
    expect(controller.openNote).toHaveBeenLastCalledWith('a.md', undefined, 9)
    expect(within(within(panel).getByRole('list', { name: 'Shared neighbours' })).getAllByRole('listitem')).toHaveLength(1)
    // "often confused" comes from the core
    expect(await within(panel).findByRole('button', { name: 'AWS Glue vs Amazon Kinesis' })).toBeTruthy()

    fireEvent.click(within(panel).getByRole('button', { name: /Note A › Streams/ }))
    expect(controller.openNote).toHaveBeenCalledWith('a.md', 'streams', 7)
  })

  it('writes filter changes to the hash and the view state, and applies them to the graph', async () => {
    const controller = fakeController()
    const api = fakeApi()
    render(<Explore controller={controller} graph={graph} api={api} />)
    await screen.findByText(/4 nodes/)

    fireEvent.click(screen.getByRole('checkbox', { name: 'Notes' }))
    await waitFor(() => expect(location.hash).toBe('#?filter=type:domain,service'))
    await screen.findByText(/3 nodes/)
    const last = controller.setFilter.mock.calls.at(-1)![0]
    expect(last.types).toEqual(['domain', 'service'])
    await waitFor(() => expect(api.setViewState).toHaveBeenCalledWith({ explore: { hash: '#?filter=type:domain,service' } }))
  })

  it('restores the last view of the folder when the URL has none', async () => {
    const controller = fakeController()
    const api = fakeApi({ explore: { hash: '#?select=service:aws-glue&depth=2' }, other: 1 })
    render(<Explore controller={controller} graph={graph} api={api} />)
    await waitFor(() => expect(controller.focus).toHaveBeenCalledWith('service:aws-glue'))
    await waitFor(() => expect(location.hash).toBe('#?select=service:aws-glue&depth=2'))
    expect(screen.getByRole('radio', { name: 'Local 2' })).toHaveProperty('checked', true)
    await waitFor(() =>
      expect(controller.setFilter).toHaveBeenCalledWith(expect.objectContaining({ local: { center: 'service:aws-glue', depth: 2, nodes: ['service:aws-glue', 'note:a.md'] } })),
    )
    // asked of the core, walking only the co-mention edges the canvas draws
    expect(api.neighbourhood).toHaveBeenCalledWith('service:aws-glue', 2, { minRelatedWeight: 4 })
  })

  it('moves between tabs with the arrow keys', async () => {
    render(<Explore controller={fakeController()} graph={graph} api={fakeApi()} />)
    const filters = screen.getByRole('tab', { name: 'Filters' })
    filters.focus()
    await act(async () => {
      fireEvent.keyDown(filters, { key: 'ArrowRight' })
    })
    expect(screen.getByRole('tab', { name: 'Compare' }).getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Compare' }))
    expect(screen.getByRole('tabpanel', { name: 'Compare' }).hidden).toBe(false)
  })
})
