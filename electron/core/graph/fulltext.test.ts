import { describe, expect, it } from 'vitest'
import { GraphBuilder } from './builder'
import { FullTextIndex } from './fulltext'
import { search } from './search'
import { note, testLines, testNotes, testOntology } from './test-fixtures'

/** The fixtures' notes with a built full-text index; `lines` and `builder` can be changed afterwards. */
function indexed() {
  const builder = new GraphBuilder(testOntology())
  for (const n of testNotes()) builder.setNote(n)
  const lines: Record<string, string[] | undefined> = testLines()
  const getLines = (p: string) => lines[p]
  const fulltext = new FullTextIndex({ notes: () => builder.notes(), get notesVersion() { return builder.notesVersion }, getLines })
  fulltext.buildNow()
  const find = (q: string, limit = 12) => search({ graph: builder.graph(), notes: builder.notes(), getLines, fulltext }, q, limit)
  const text = (q: string) => find(q).filter((h) => h.kind === 'text')
  return { builder, lines, find, text }
}

describe('full-text search with the index', () => {
  it('finds the line with the exact phrase and puts such notes first', () => {
    const { text } = indexed()
    const hits = text('real time')
    expect(hits[0]).toMatchObject({ id: 'note:D1/ingest.md', score: 95 })
    // "real-time" on line 4 is not the phrase "real time"; line 5 is
    expect(hits[0].snippet).toMatchObject({ line: 5, sectionTitle: 'Streams' })
    expect(hits[0].snippet?.text).toContain('near real time')
  })

  it('ranks a note holding the phrase above one holding the words apart', () => {
    const { builder, text, lines } = indexed()
    lines['misc.md'] = ['## Top', 'Glue feeds the store. Every feature is versioned.', 'S3 holds it all.']
    builder.setNote({ ...builder.note('misc.md')!, hash: 'edited' })
    const hits = text('feature store')
    expect(hits.map((h) => h.id)).toEqual(['note:D1/features.md', 'note:misc.md'])
    expect(hits.map((h) => h.score)).toEqual([95, 90])
    expect(hits[1].snippet?.line).toBe(2)
  })

  it('treats every word as a prefix', () => {
    const { text } = indexed()
    expect(text('parq').map((h) => h.id)).toEqual(['note:D1/ingest.md'])
    expect(text('parq')[0].snippet?.line).toBe(12)
    expect(text('crawl')[0].snippet?.text).toContain('Glue crawls S3')
  })

  it('forgives a typo in a longer word and shows the line with the real word', () => {
    const { text } = indexed()
    const hits = text('overfiting')
    expect(hits.map((h) => h.id)).toEqual(['note:D1/features.md'])
    expect(hits[0].snippet).toMatchObject({ line: 9, sectionTitle: 'Encoding' })
    expect(text('zzzzzz')).toEqual([])
  })

  it('keeps name and alias matches before every full-text hit', () => {
    const { find } = indexed()
    for (const q of ['glue', 'kinesis', 'feature store', 's3']) {
      const kinds = find(q).map((h) => h.kind)
      expect(kinds.slice(kinds.indexOf('text'))).not.toContain('node')
      expect(kinds[0]).toBe('node')
    }
  })

  it('follows an edit of a note: the new words are found, the old ones no longer', () => {
    const { builder, lines, text } = indexed()
    expect(text('parquet').map((h) => h.id)).toContain('note:D1/ingest.md')
    lines['D1/ingest.md'] = ['# Ingestion', '', 'Now everything lands as Avro files.']
    builder.setNote({ ...builder.note('D1/ingest.md')!, hash: 'edited' })
    expect(text('parquet')).toEqual([])
    expect(text('avro')).toMatchObject([{ id: 'note:D1/ingest.md', snippet: { line: 3 } }])
  })

  it('forgets a removed note and indexes an added one', () => {
    const { builder, lines, text } = indexed()
    builder.removeNote('misc.md')
    expect(text('holds').map((h) => h.id)).not.toContain('note:misc.md')
    lines['new.md'] = ['# New', 'Quicksight dashboards.']
    builder.setNote(note('new.md', { title: 'New' }))
    expect(text('quicksight').map((h) => h.id)).toEqual(['note:new.md'])
  })

  it('never returns a note whose lines cannot be read (outside the folder, gone)', () => {
    const { builder, lines, text } = indexed()
    lines['misc.md'] = undefined
    builder.setNote({ ...builder.note('misc.md')!, hash: 'now a link outside' })
    expect(text('holds')).toEqual([])
  })
})

describe('full-text search before the index is built', () => {
  it('answers from the line scan at once and builds the index in the background', async () => {
    const builder = new GraphBuilder(testOntology())
    for (const n of testNotes()) builder.setNote(n)
    const lines = testLines()
    const getLines = (p: string) => lines[p]
    const fulltext = new FullTextIndex({ notes: () => builder.notes(), get notesVersion() { return builder.notesVersion }, getLines })
    const src = { graph: builder.graph(), notes: [...builder.notes()], getLines, fulltext }
    // the scan has no typo tolerance: no hit for the misspelling yet
    expect(search(src, 'overfiting', 10).filter((h) => h.kind === 'text')).toEqual([])
    expect(search(src, 'overfitting', 10).some((h) => h.id === 'note:D1/features.md' && h.kind === 'text')).toBe(true)
    await fulltext.buildInBackground()
    expect(search(src, 'overfiting', 10).filter((h) => h.kind === 'text').map((h) => h.id)).toEqual(['note:D1/features.md'])
  })

  it('keeps scanning a folder with more text than the index may hold', async () => {
    const builder = new GraphBuilder(testOntology())
    for (const n of testNotes()) builder.setNote(n)
    const lines = testLines()
    const getLines = (p: string) => lines[p]
    const fulltext = new FullTextIndex({ notes: () => builder.notes(), get notesVersion() { return builder.notesVersion }, getLines }, { maxBytes: 150 })
    await fulltext.buildInBackground()
    expect(fulltext.ready()).toBe(false)
    const src = { graph: builder.graph(), notes: [...builder.notes()], getLines, fulltext }
    expect(search(src, 'overfitting', 10).some((h) => h.id === 'note:D1/features.md' && h.kind === 'text')).toBe(true)
  })
})
