import { describe, expect, it } from 'vitest'
import { ReaderHistory, samePlace, type ReaderEntry, type SessionHistory } from './readerHistory'

/** The browser's session history as far as the reader uses it; popstate is delivered to `onPop`. */
class FakeSession implements SessionHistory {
  entries: Array<{ state: unknown; url: string }> = [{ state: null, url: '/#' }]
  at = 0
  onPop: (state: unknown) => void = () => undefined
  get state(): unknown { return this.entries[this.at].state }
  pushState(state: unknown, _u: string, url?: string | null): void {
    this.entries.splice(this.at + 1, Infinity, { state: structuredClone(state), url: url ?? this.entries[this.at].url })
    this.at++
  }
  replaceState(state: unknown, _u: string, url?: string | null): void {
    this.entries[this.at] = { state: structuredClone(state), url: url ?? this.entries[this.at].url }
  }
  back(): void { if (this.at > 0) { this.at--; this.onPop(this.state) } }
  forward(): void { if (this.at < this.entries.length - 1) { this.at++; this.onPop(this.state) } }
}

const A: ReaderEntry = { node: 'note:D1/1.3.md', path: 'D1/1.3.md' }
const B: ReaderEntry = { node: 'note:D1/1.2.md', path: 'D1/1.2.md', section: 'amazon-s3' }
const C: ReaderEntry = { node: 'service:aws-glue', path: 'D1/1.6.md', section: 'glue', line: 40 }

function setup() {
  const session = new FakeSession()
  const h = new ReaderHistory(session, () => '/#?select=x')
  const shown: ReaderEntry[] = []
  session.onPop = (state) => { const e = h.popped(state); if (e) shown.push(e) }
  return { session, h, shown }
}

describe('ReaderHistory', () => {
  it('goes back and forward through the places opened, each with its scroll position', () => {
    const { h, shown, session } = setup()
    expect(h.canBack).toBe(false)
    h.record(A)
    h.setScroll(A.path, 640)
    h.record(B)
    h.setScroll(B.path, 120)
    expect(session.entries).toHaveLength(3) // the start, A, B: Back from A stays in the app
    expect(h.back()).toBe(true)
    expect(shown.at(-1)).toEqual({ ...A, section: undefined, line: undefined, scroll: 640 })
    expect(h.canForward).toBe(true)
    h.forward()
    expect(shown.at(-1)).toMatchObject({ ...B, scroll: 120 })
    expect(h.canForward).toBe(false)
  })

  it('does not add an entry when the restored place is shown again', () => {
    const { h, session } = setup()
    h.record(A)
    h.record(B)
    h.back()
    h.record({ ...A }) // the shell shows the restored place: no new entry, Forward still possible
    expect(session.entries).toHaveLength(3)
    expect(h.canForward).toBe(true)
  })

  it('drops the forward entries when a new place is opened after going back', () => {
    const { h, session } = setup()
    h.record(A)
    h.record(B)
    h.back()
    h.record(C)
    expect(h.canForward).toBe(false)
    expect(session.entries).toHaveLength(3)
    h.back()
    expect(h.current).toMatchObject(A)
  })

  it('ignores a scroll report for a note the current entry does not show', () => {
    const { h, shown } = setup()
    h.record(A)
    h.setScroll(A.path, 300)
    h.setScroll(B.path, 999) // the old note's last scroll event arriving late
    h.record(B)
    h.back()
    expect(shown.at(-1)?.scroll).toBe(300)
  })

  it('never walks past the first entry (Back must not leave the app)', () => {
    const { h, session } = setup()
    expect(h.back()).toBe(false)
    h.record(A)
    h.back()
    expect(h.back()).toBe(false)
    expect(session.at).toBe(0)
  })

  it('picks up its entries after a reload, scroll offsets included', () => {
    const { h, session } = setup()
    h.record(A)
    h.setScroll(A.path, 500)
    h.record(B)
    // reload: a new page on the same session entry
    const again = new ReaderHistory(session, () => '/')
    const shown: ReaderEntry[] = []
    session.onPop = (s) => { const e = again.popped(s); if (e) shown.push(e) }
    expect(again.current).toMatchObject(B)
    expect(again.canBack).toBe(true)
    again.back()
    expect(shown[0]).toMatchObject({ ...A, scroll: 500 })
  })

  it('leaves entries that are not its own (a hash typed by hand) and malformed states alone', () => {
    const { h } = setup()
    expect(h.popped(null)).toBeUndefined()
    expect(h.popped({ notesGraphReader: { i: -1, entry: A } })).toBeUndefined()
    expect(h.popped({ notesGraphReader: { i: 1, entry: 'x' } })).toBeUndefined()
    expect(h.popped({ notesGraphReader: { i: 0, entry: { node: 5, path: ['x'] } } })).toEqual({ node: null, path: undefined, section: undefined, line: undefined, scroll: undefined })
  })

  it('compares places without their scroll offsets', () => {
    expect(samePlace({ ...A, scroll: 1 }, { ...A, scroll: 2 })).toBe(true)
    expect(samePlace(A, B)).toBe(false)
    expect(samePlace({ ...C, section: '' }, { ...C, section: undefined })).toBe(true)
  })
})
