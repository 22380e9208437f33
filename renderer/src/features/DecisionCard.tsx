// The decision card: one column per compared item — what it is, when to choose it, its distinctive facts —
// read from the notes by the core (electron/core/compare). Every line opens the note where it was read.
import type { CardSource, DecisionItem } from '../../../electron/core/compare/types'

interface Props {
  items: DecisionItem[]
  onOpen: (source: CardSource) => void
}

const KIND: Record<string, string> = { tip: 'exam tip', table: 'comparison table', text: 'notes' }

export function DecisionCard({ items, onOpen }: Props) {
  return (
    <section className="fx-card" aria-label="Decision card" style={{ gridTemplateColumns: `repeat(${items.length}, minmax(0, 1fr))` }}>
      {items.map((item) => (
        <div key={item.id} className="fx-card-col" role="group" aria-label={`Choose ${item.label} when`}>
          <h4 className="fx-card-name">{item.label}</h4>
          <p className="fx-card-summary">
            {item.summarySource ? (
              <button type="button" className="fx-card-line" onClick={() => onOpen(item.summarySource!)} title={`From ${item.summarySource.sectionTitle}`}>
                {item.summary}
              </button>
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
                  <button type="button" className="fx-card-line" onClick={() => onOpen(c.source)} title={`${KIND[c.kind]} · ${c.source.sectionTitle}`}>
                    {c.via && <span className="fx-card-via">{short(c.via)}: </span>}
                    {c.text}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {item.facts.length > 0 && (
            <>
              <div className="fx-card-head">Facts</div>
              <dl className="fx-card-facts">
                {item.facts.map((f, i) => (
                  <div key={i} className="fx-card-fact">
                    {f.label && <dt>{f.via ? `${short(f.via)} · ${f.label}` : f.label}</dt>}
                    <dd>
                      <button type="button" className="fx-card-line" onClick={() => onOpen(f.source)} title={`From ${f.source.sectionTitle}`}>
                        {!f.label && f.via ? `${short(f.via)}: ${f.value}` : f.value}
                      </button>
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </div>
      ))}
    </section>
  )
}

/** "Amazon Kinesis Data Streams" → "Kinesis Data Streams": the vendor is the same in every column. */
const short = (name: string) => name.replace(/^(Amazon|AWS)\s+/, '')
