import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { Notices } from './Notices'

describe('Notices', () => {
  beforeEach(() => localStorage.clear())
  afterEach(cleanup)

  it('shows each notice from the backend and lets the user dismiss it', async () => {
    const api = { getNotices: () => Promise.resolve(['Your settings file could not be read; it was kept as settings.json.corrupt-1 and defaults are used.', 'Second notice.']) }
    render(<Notices api={api} />)
    expect(await screen.findByText(/settings file could not be read/)).toBeTruthy()
    expect(screen.getByText('Second notice.')).toBeTruthy()
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss notice' })[0])
    expect(screen.queryByText(/settings file could not be read/)).toBeNull()
    expect(screen.getByText('Second notice.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss notice' }))
    expect(screen.queryByRole('status', { name: 'Notices' })).toBeNull()
  })

  it('keeps a dismissed notice dismissed after a reload, and shows a new one', async () => {
    const first = { getNotices: () => Promise.resolve(['Old problem.']) }
    const view = render(<Notices api={first} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Dismiss notice' }))
    view.unmount()
    render(<Notices api={{ getNotices: () => Promise.resolve(['Old problem.', 'New problem.']) }} />)
    expect(await screen.findByText('New problem.')).toBeTruthy()
    expect(screen.queryByText('Old problem.')).toBeNull()
  })

  it('shows nothing when there is nothing to say', async () => {
    let asked = 0
    render(<Notices api={{ getNotices: () => { asked++; return Promise.resolve([]) } }} />)
    await new Promise((r) => setTimeout(r, 0))
    expect(asked).toBe(1)
    expect(screen.queryByRole('status', { name: 'Notices' })).toBeNull()
  })
})
