// Search box (Ctrl/Cmd+K): fuzzy over names and aliases through api.search, plus full-text hits with
// snippets. Arrow keys move through the results, Enter opens (the best match for what is typed, even before
// the list has answered), Alt+Enter adds a node to Compare.
import { memo, useEffect, useId, useRef, useState } from 'react'
import type { SearchHit } from '../../../electron/core/types'
import { addToCompare, exploreStore, useExplore } from './store'
import { matchParts } from './matchText'
import { enterChoice } from './searchEnter'
import type { FeatureProps } from './types'

const TYPE_NAMES: Record<string, string> = { domain: 'Domain', note: 'Note', service: 'Service', concept: 'Concept', tag: 'Tag' }

// memo: the shell re-renders on every selection; the search box has nothing to redo then
export const Search = memo(function Search({ controller, graph, api }: FeatureProps) {
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[]>([])
  const [hitsFor, setHitsFor] = useState('')
  const [active, setActive] = useState(0)
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const listId = useId()
  // the box names what it found; once something else is selected (on the graph, by a link in a note) it no longer
  // names the selection, and is cleared, unless the user is typing in it
  const selected = useExplore((s) => s.selected)
  const chosen = useRef<string | null>(null)
  useEffect(() => {
    if (selected === chosen.current) return
    chosen.current = null
    if (document.activeElement !== input.current) setQuery('')
  }, [selected])
  const types = new Map(graph.nodes.map((n) => [n.id, n.type]))

  // Ctrl/Cmd+K from anywhere, and the app menu's Search command
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        input.current?.focus()
        input.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    const off = api.on?.('menu', (cmd) => {
      if (cmd === 'search') input.current?.focus()
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      off?.()
    }
  }, [api])

  useEffect(() => {
    const q = query.trim()
    if (!q) {
      setHits([])
      return
    }
    let cancelled = false
    const timer = setTimeout(() => {
      api
        .search(q, 30)
        .then((r) => {
          if (cancelled) return
          setHits(r)
          setHitsFor(q)
          setActive(0)
          setError(null)
        })
        .catch((e: unknown) => {
          if (!cancelled) setError(e instanceof Error ? e.message : 'Search failed')
        })
    }, 90)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [api, query])

  function choose(hit: SearchHit, compare = false) {
    if (hit.kind === 'text' && hit.snippet) {
      controller.openNote(hit.snippet.path, hit.snippet.section || undefined, hit.snippet.line)
    } else if (compare) {
      addToCompare(hit.id)
    } else {
      chosen.current = hit.id
      controller.focus(hit.id)
      exploreStore.set({ selected: hit.id })
    }
    setOpen(false)
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      setOpen(true)
      setActive((a) => Math.min(a + 1, hits.length - 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((a) => Math.max(a - 1, 0))
    } else if (e.key === 'Enter') {
      // the box's own value: Enter may come in the same task as the last keystroke
      const typed = e.currentTarget.value
      const alt = e.altKey
      const hit = enterChoice({ query: typed, hits, hitsFor, active }, graph.nodes)
      e.preventDefault()
      if (hit) choose(hit, alt)
      else if (typed.trim()) {
        // nothing by name: the core's answer (full text) decides, if the box still holds the same query
        const q = typed.trim()
        api.search(q, 30).then((r) => {
          if (r[0] && input.current?.value.trim() === q) choose(r[0], alt)
        }, () => undefined)
      }
    } else if (e.key === 'Escape') {
      if (open && hits.length) setOpen(false)
      else {
        setQuery('')
        input.current?.blur()
      }
    }
  }

  const showList = open && query.trim() !== '' && (hits.length > 0 || error !== null)
  const optionId = (i: number) => `${listId}-opt-${i}`

  return (
    <div className="fx-search">
      <input
        ref={input}
        type="search"
        aria-label="Search"
        placeholder="Search services, notes, text…"
        // the shortcut in the tooltip and for assistive technology: in the placeholder it was cut off at 1400 px
        title="Search services, notes, text (Ctrl+K)"
        aria-keyshortcuts="Control+K"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        maxLength={256}
        aria-activedescendant={showList && hits[active] ? optionId(active) : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        // busy while the rows shown answer an earlier query (the box changed since): they are about to be replaced
        <ul className="fx-search-results" id={listId} role="listbox" aria-label="Search results" aria-busy={hitsFor !== query.trim()}>
          {error && <li className="fx-muted">{error}</li>}
          {hits.map((h, i) => (
            <li
              key={`${h.kind}:${h.id}:${h.snippet?.line ?? ''}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              aria-label={h.kind === 'node' ? `${h.label} (${TYPE_NAMES[types.get(h.id) ?? ''] ?? 'Node'})` : undefined}
              className={i === active ? 'fx-active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={(e) => choose(h, e.altKey)}
            >
              {h.kind === 'text' && h.snippet ? (
                <>
                  <span className="fx-hit-title">
                    <span className="fx-badge">Text</span>
                    <span>
                      {h.snippet.noteTitle}
                      {h.snippet.sectionTitle ? ` › ${h.snippet.sectionTitle}` : ''}
                    </span>
                  </span>
                  <span className="fx-snippet">{h.snippet.text}</span>
                </>
              ) : (
                <span className="fx-hit-title">
                  <span className={`fx-badge fx-type-${types.get(h.id) ?? 'node'}`}>{TYPE_NAMES[types.get(h.id) ?? ''] ?? 'Node'}</span>
                  <span>{matchParts(h.label, query).map((p, k) => (p.match ? <mark key={k}>{p.text}</mark> : p.text))}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && query.trim() !== '' && hitsFor === query.trim() && hits.length === 0 && !error && (
        <div className="fx-search-results fx-muted" role="status">
          No matches
        </div>
      )}
    </div>
  )
})
