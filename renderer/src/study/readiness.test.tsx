import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import type { RendererApi } from '../../../electron/shared/contract'
import type { Readiness } from '../../../electron/core/study/study-types'
import { ReadinessView } from './ReadinessView'

afterEach(cleanup)

const READINESS: Readiness = {
  exam: 'MLA-C01', name: 'ML', overall: 0.25, mapped: true,
  weakest: { id: 'D1', name: 'Data' },
  weakestTask: { id: '1.2', title: 'Transform data', domain: 'D1', nodes: ['service:aws-glue', 'note:fe.md'] },
  domains: [{
    id: 'D1', name: 'Data', weight: 100, services: 2, servicesReady: 1, cards: 4, cardsReady: 1, score: 0.25,
    tasks: [
      { id: '1.1', title: 'Ingest and store data', entities: 2, entitiesReady: 1, cards: 2, cardsReady: 0, score: 0.25, nodes: ['service:amazon-s3'] },
      { id: '1.2', title: 'Transform data', entities: 1, entitiesReady: 0, cards: 2, cardsReady: 0, score: 0, nodes: ['service:aws-glue', 'note:fe.md'] },
      { id: '1.3', title: 'Prepare data', entities: 0, entitiesReady: 0, cards: 0, cardsReady: 0, nodes: [] },
    ],
  }],
}

describe('exam readiness per task statement', () => {
  it('a domain opens to its task statements with their figures; a task and the weakest task start a session on their nodes', async () => {
    const api = { exams: vi.fn(async () => []), readiness: vi.fn(async () => READINESS) } as unknown as RendererApi
    const onStudyNodes = vi.fn()
    const r = render(<ReadinessView api={api} version={0} onStudyDomain={vi.fn()} onStudyNodes={onStudyNodes} />)
    const domain = await r.findByRole('button', { name: 'D1 Data' })
    expect(domain.getAttribute('aria-expanded')).toBe('false')
    expect(r.queryByRole('listitem', { name: /^Task 1\.1/ })).toBeNull()
    fireEvent.click(domain)
    await waitFor(() => expect(r.getByRole('listitem', { name: 'Task 1.1 Ingest and store data' })).toBeTruthy())
    expect(r.getByLabelText('Readiness of task 1.1').textContent).toBe('25%')
    expect(r.getByLabelText('Readiness of task 1.1').getAttribute('title')).toBe('1/2 entities, 0/2 cards ready')
    // a task the notes hold nothing of shows no figure and cannot start a session
    expect(r.getByLabelText('Readiness of task 1.3').textContent).toBe('–')
    expect((r.getByRole('button', { name: /1\.3 Prepare data/ }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(r.getByRole('button', { name: /1\.1 Ingest and store data/ }))
    expect(onStudyNodes).toHaveBeenLastCalledWith(['service:amazon-s3'])
    fireEvent.click(r.getByRole('button', { name: 'Study weakest task: 1.2 Transform data' }))
    expect(onStudyNodes).toHaveBeenLastCalledWith(['service:aws-glue', 'note:fe.md'])
  }, 30_000)

  it('a domain barely started reads "<1%" with a bar filled that little, not a full one', async () => {
    const low: Readiness = { ...READINESS, domains: [{ ...READINESS.domains[0], score: 0.003, tasks: [{ ...READINESS.domains[0].tasks![0], score: 0.003 }] }] }
    const api = { exams: vi.fn(async () => []), readiness: vi.fn(async () => low) } as unknown as RendererApi
    const r = render(<ReadinessView api={api} version={0} onStudyDomain={vi.fn()} onStudyNodes={vi.fn()} />)
    fireEvent.click(await r.findByRole('button', { name: 'D1 Data' }))
    await waitFor(() => expect(r.getByLabelText('Readiness of task 1.1').textContent).toBe('<1%'))
    const widths = [...r.container.querySelectorAll<HTMLElement>('.study-bar > span')].map((b) => b.style.width)
    expect(widths).toEqual(['0.3%', '0.3%'])
  }, 30_000)
})
