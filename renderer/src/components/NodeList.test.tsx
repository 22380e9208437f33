import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render } from '@testing-library/react'
import type { GraphNode } from '../../../electron/core/types'
import { NodeList, rankNodes } from './NodeList'

afterEach(cleanup)

const nodes: GraphNode[] = [
  { id: 'note:a.md', type: 'note', label: 'Glue jobs in practice' },
  { id: 'service:aws-glue', type: 'service', label: 'AWS Glue' },
  { id: 'service:aws-glue-databrew', type: 'service', label: 'AWS Glue DataBrew' },
  { id: 'service:amazon-data-firehose', type: 'service', label: 'Amazon Data Firehose', aliases: ['Kinesis Data Firehose'] },
  { id: 'domain:D1', type: 'domain', label: 'Domain 1' },
]

describe('rankNodes', () => {
  it('puts the closest service first and finds aliases', () => {
    expect(rankNodes(nodes, 'glue')[0].id).toBe('service:aws-glue')
    expect(rankNodes(nodes, 'kinesis').map((n) => n.id)).toEqual(['service:amazon-data-firehose'])
    expect(rankNodes(nodes, 'zzz')).toEqual([])
  })
  it('lists everything by type without a query', () => {
    expect(rankNodes(nodes, '').map((n) => n.type)).toEqual(['domain', 'note', 'service', 'service', 'service'])
  })
  it('lists notes in their numbered order: 1.2 before 1.10', () => {
    const numbered = ['1.10 Optimizing Data', '1.2 Data Sources', '1.1 Data Security', '1.11 Pipelines'].map((label, i): GraphNode => ({ id: `note:${i}.md`, type: 'note', label }))
    expect(rankNodes(numbered, '').map((n) => n.label)).toEqual(['1.1 Data Security', '1.2 Data Sources', '1.10 Optimizing Data', '1.11 Pipelines'])
  })
})

describe('NodeList', () => {
  it('reaches every node with the keyboard and chooses with Enter', () => {
    const onChoose = vi.fn()
    const { getByLabelText, getAllByRole } = render(<NodeList nodes={nodes} selected={null} onChoose={onChoose} fieldLabel="Filter nodes" />)
    expect(getAllByRole('option')).toHaveLength(nodes.length)
    const field = getByLabelText('Filter nodes')
    fireEvent.keyDown(field, { key: 'ArrowDown' })
    fireEvent.keyDown(field, { key: 'ArrowDown' })
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(onChoose).toHaveBeenCalledWith(rankNodes(nodes, '')[2].id)
  })
  it('filters as you type', () => {
    const onChoose = vi.fn()
    const { getByLabelText, getAllByRole } = render(<NodeList nodes={nodes} selected={null} onChoose={onChoose} fieldLabel="Filter nodes" />)
    fireEvent.change(getByLabelText('Filter nodes'), { target: { value: 'databrew' } })
    expect(getAllByRole('option').map((o) => o.textContent)).toEqual(['AWS Glue DataBrewservice'])
    fireEvent.keyDown(getByLabelText('Filter nodes'), { key: 'Enter' })
    expect(onChoose).toHaveBeenCalledWith('service:aws-glue-databrew')
  })
})
