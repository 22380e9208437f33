import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render } from '@testing-library/react'
import type { Diagnostic } from '../../../electron/core/types'
import { DiagnosticsPanel } from './DiagnosticsPanel'

afterEach(cleanup)

const broken = (line: number): Diagnostic => ({ file: 'huge.md', line, severity: 'warning', code: 'link-broken', message: 'Link "kinesis" points to no note in this folder.' })
const diagnostics: Diagnostic[] = [
  ...[30, 12, 900].map(broken),
  { file: 'binary.md', severity: 'warning', code: 'binary-file', message: 'Looks like a binary file (contains NUL bytes), not a note; skipped.' },
  { file: 'broken-yaml.md', line: 2, severity: 'warning', code: 'yaml-invalid', message: 'Frontmatter is not valid YAML; the note is indexed without it.' },
]

describe('Diagnostics panel', () => {
  it('one row per repeated problem with its count; only indexed notes open', () => {
    const onOpen = vi.fn()
    const notes = new Set(['huge.md', 'broken-yaml.md'])
    const r = render(<DiagnosticsPanel diagnostics={diagnostics} isNote={(p) => notes.has(p)} onOpen={onOpen} onClose={vi.fn()} />)
    expect(r.getByRole('heading').textContent).toBe('Diagnostics (5)')
    const rows = r.getAllByRole('listitem')
    expect(rows).toHaveLength(3)
    const link = rows.find((row) => row.textContent?.includes('link-broken'))!
    expect(link.textContent).toContain('3 times in this file, first at line 12.')
    fireEvent.click(r.getByRole('button', { name: 'huge.md:12' }))
    expect(onOpen).toHaveBeenCalledWith('huge.md', 12)
    // a skipped file is named, not offered as a note to open
    expect(r.queryByRole('button', { name: 'binary.md' })).toBeNull()
    expect(r.getByText('binary.md')).toBeTruthy()
    expect(r.getByRole('button', { name: 'broken-yaml.md:2' })).toBeTruthy()
  })
})
