import { describe, expect, it } from 'vitest'
import { clampWidth, KEY_STEP, MIN_PANEL_WIDTH, widthForKey } from './panelWidth'
import { partialNotice } from './partialNote'

describe('note panel width', () => {
  it('stays between the minimum and what leaves the graph room', () => {
    expect(clampWidth(100, 1400)).toBe(MIN_PANEL_WIDTH)
    expect(clampWidth(5000, 1400)).toBe(1400 - 300 - 360)
    expect(clampWidth(500.4, 1400)).toBe(500)
    expect(clampWidth(500, 600)).toBe(MIN_PANEL_WIDTH) // a tiny window still gets a readable panel
  })
  it('follows the arrow keys on the handle at the left edge', () => {
    expect(widthForKey('ArrowLeft', 500, false, 1400)).toBe(500 + KEY_STEP)
    expect(widthForKey('ArrowRight', 500, false, 1400)).toBe(500 - KEY_STEP)
    expect(widthForKey('ArrowLeft', 500, true, 1400)).toBe(500 + 4 * KEY_STEP)
    expect(widthForKey('Home', 500, false, 1400)).toBe(MIN_PANEL_WIDTH)
    expect(widthForKey('End', 500, false, 1400)).toBe(740)
    expect(widthForKey('a', 500, false, 1400)).toBeUndefined()
  })
})

describe('partially indexed notes', () => {
  const diagnostics = [
    { file: 'big.md', severity: 'warning' as const, code: 'file-too-large', message: 'Note is 1.5 MB (limit 1 MB); only its first 128 KB are indexed.' },
    { file: 'small.md', severity: 'warning' as const, code: 'yaml-invalid', message: 'bad yaml' },
  ]
  it('says so for a note the core cut, and nothing for others', () => {
    expect(partialNotice(diagnostics, 'big.md')).toMatch(/first 128 KB/)
    expect(partialNotice(diagnostics, 'small.md')).toBeUndefined()
    expect(partialNotice(undefined, 'big.md')).toBeUndefined()
  })
})
