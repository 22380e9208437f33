import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { PanelBoundary } from './PanelBoundary'

afterEach(cleanup)

function Bomb({ fail }: { fail: boolean }) {
  if (fail) throw new URIError('URI malformed')
  return <p>note text</p>
}

describe('PanelBoundary', () => {
  it('replaces only the failed panel with what failed, and keeps its siblings', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    render(
      <div>
        <p>graph</p>
        <PanelBoundary name="Note" resetKey="a"><Bomb fail /></PanelBoundary>
      </div>,
    )
    expect(screen.getByText('graph')).toBeTruthy()
    const alert = screen.getByRole('alert', { name: 'Note panel error' })
    expect(alert.textContent).toContain('The note panel failed')
    expect(alert.textContent).toContain('URI malformed')
    quiet.mockRestore()
  })

  it('gives the panel a fresh try when its key changes', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { rerender } = render(<PanelBoundary name="Note" resetKey="a"><Bomb fail /></PanelBoundary>)
    expect(screen.queryByText('note text')).toBeNull()
    rerender(<PanelBoundary name="Note" resetKey="b"><Bomb fail={false} /></PanelBoundary>)
    expect(screen.getByText('note text')).toBeTruthy()
    quiet.mockRestore()
  })

  it('retries on request', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    let fail = true
    function Flaky() { return <Bomb fail={fail} /> }
    render(<PanelBoundary name="Explore"><Flaky /></PanelBoundary>)
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.getByText('note text')).toBeTruthy()
    quiet.mockRestore()
  })
})
