// The decision card: one column per compared item — what it is, when to choose it, its facts — read from
// the notes by the core (electron/core/compare). Facts the items share a label for (Latency, Scaling…)
// come first and line up across the columns (CSS subgrid), so the difference reads across a row.
// Every line opens the note where it was read.
import type { CardFact, CardSource, DecisionItem } from '../../../electron/core/compare/types'

interface Props {
  items: DecisionItem[]
  onOpen: (source: CardSource) => void
}

const KIND: Record<string, string> = { tip: 'exam tip', table: 'comparison table', text: 'notes' }
const key = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
/** "Amazon Kinesis Data Streams" → "Kinesis Data Streams": the vendor is the same in every column. */
const short = (name: string) => name.replace(/^(Amazon|AWS)\s+/, '')

/** Fact labels at least two items have, in first-seen order. */
export function commonLabels(items: DecisionItem[]): string[] {
  const count = new Map<string, { label: string; n: number }>()
  for (const item of items) {
    const seen = new Set<string>()
    for (const f of item.facts) {
      const k = key(f.label)
      if (!k || seen.has(k)) continue
      seen.add(k)
      const c = count.get(k)
      if (c) c.n++
      else count.set(k, { label: f.label, n: 1 })
    }
  }
  return [...count.entries()].filter(([, c]) => c.n >= 2).map(([k]) => k)
}

type Open = (s: CardSource) => void

function Line({ source, title, onOpen, children }: { source: CardSource; title: string; onOpen: Open; children: React.ReactNode }) {
  return (
    <button type="button" className="fx-card-line" onClick={() => onOpen(source)} title={title}>
      {children}
    </button>
  )
}

function Fact({ fact, showVia, onOpen }: { fact: CardFact; showVia: boolean; onOpen: Open }) {
  const via = showVia && fact.via ? ` (${short(fact.via)})` : ''
  return (
    <div className="fx-card-fact">
      {fact.label ? <dt>{fact.label}{via}</dt> : null}
      <dd>
        <Line source={fact.source} title={`From ${fact.source.sectionTitle}`} onOpen={onOpen}>
          {fact.value}
        </Line>
      </dd>
    </div>
  )
}

export function DecisionCard({ items, onOpen }: Props) {
  const common = commonLabels(items)
  const anyFacts = items.some((i) => i.facts.length > 0)
  const rows = 5 + common.length + 1
  return (
    <section
      className="fx-card"
      aria-label="Decision card"
      style={{ gridTemplateColumns: `repeat(${items.length}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, auto)` }}
    >
      {items.map((item) => {
        const vias = new Set(item.facts.map((f) => f.via ?? ''))
        // facts all read from one feature: say it once in the heading
        const oneVia = vias.size === 1 && item.facts[0]?.via ? short(item.facts[0].via) : ''
        const byLabel = new Map(item.facts.filter((f) => f.label).map((f) => [key(f.label), f]))
        const rest = item.facts.filter((f) => !common.includes(key(f.label)))
        return (
          <div key={item.id} className="fx-card-col" role="group" aria-label={`Choose ${item.label} when`} style={{ gridRow: `span ${rows}` }}>
            <h4 className="fx-card-name">{item.label}</h4>
            <p className="fx-card-summary">
              {item.summarySource ? (
                <Line source={item.summarySource} title={`From ${item.summarySource.sectionTitle}`} onOpen={onOpen}>
                  {item.summary}
                </Line>
              ) : (
                item.summary
              )}
            </p>
            <div className="fx-card-head">Choose it when</div>
            {item.chooseWhen.length === 0 ? (
              <p className="fx-muted fx-card-empty">The notes give no cue.</p>
            ) : (
              <ul className="fx-card-list">
                {item.chooseWhen.map((c, i) => (
                  <li key={i}>
                    <Line source={c.source} title={`${KIND[c.kind]} · ${c.source.sectionTitle}`} onOpen={onOpen}>
                      {c.via && <span className="fx-card-via">{short(c.via)}: </span>}
                      {c.text}
                    </Line>
                  </li>
                ))}
              </ul>
            )}
            <div className="fx-card-head">{anyFacts ? (oneVia ? `Facts · ${oneVia}` : 'Facts') : ''}</div>
            {common.map((k) => {
              const f = byLabel.get(k)
              return f ? (
                <dl key={k} className="fx-card-facts">
                  <Fact fact={f} showVia={!oneVia} onOpen={onOpen} />
                </dl>
              ) : (
                <dl key={k} className="fx-card-facts fx-card-missing">
                  <div className="fx-card-fact">
                    <dt>{items.flatMap((i) => i.facts).find((x) => key(x.label) === k)?.label}</dt>
                    <dd className="fx-muted">not in the notes</dd>
                  </div>
                </dl>
              )
            })}
            <dl className="fx-card-facts">
              {rest.map((f, i) => (
                <Fact key={i} fact={f} showVia={!oneVia} onOpen={onOpen} />
              ))}
            </dl>
          </div>
        )
      })}
    </section>
  )
}
