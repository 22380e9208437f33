import { act } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render } from '@testing-library/react'
import type { CyGraphController } from './cyController'
import { Legend } from './Legend'
import { studyStore } from '../study/studyStore'

afterEach(() => { cleanup(); studyStore.set({ view: { colour: false, filter: 'none' } }) })

const controller = {
  view: () => 'overview',
  activeGroups: () => [],
  selected: () => null,
  pinned: () => [],
  graph: () => ({ nodes: [{ type: 'domain' }, { type: 'note' }, { type: 'service' }, { type: 'concept' }] }),
  subscribe: () => () => undefined,
} as unknown as CyGraphController

describe('Legend', () => {
  it('names the progress colours while the graph is coloured by progress, and the type colours otherwise', () => {
    const { getByRole } = render(<Legend theme="light" controller={controller} />)
    const items = () => [...getByRole('list', { name: 'Legend' }).querySelectorAll('li')].map((li) => li.textContent)
    expect(items()).toContain('AWS service')
    expect(items()).not.toContain('Mastered')
    act(() => studyStore.set({ view: { colour: true, filter: 'none' } }))
    expect(items()).toEqual(expect.arrayContaining(['AWS service', 'New', 'Learning', 'In review', 'Mastered']))
    // the service's shape is drawn without its type colour then: orange would read as a progress state
    const serviceIcon = getByRole('list', { name: 'Legend' }).querySelectorAll('li')[2].querySelector('path')!
    expect(serviceIcon.getAttribute('fill')).toBe('none')
  })
})
