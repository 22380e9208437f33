// Cards as a tab-separated file Anki imports (File → Import): front, back, tags. The header lines are Anki's
// own file headers (2.1.55+), so the separator, HTML and the tags column need no choosing in its dialog.
import type { Card } from './types'

/** One field: tabs would split it and newlines end the row, so they become a space and <br>. */
function field(text: string): string {
  const html = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const flat = html.replace(/\t/g, ' ').replace(/\r?\n/g, '<br>')
  // a field with a quote is quoted, quotes doubled (the CSV rule Anki's importer follows)
  return flat.includes('"') ? `"${flat.replace(/"/g, '""')}"` : flat
}

/** Anki tags are space-separated words: `MLA-C01::D1`, `service::amazon-kinesis-data-streams`. */
function tags(card: Card, domain: string | undefined): string {
  const out: string[] = []
  if (domain) out.push(`domain::${domain}`)
  for (const e of card.entities) if (e.startsWith('service:')) out.push(`service::${e.slice('service:'.length)}`)
  return out.map((t) => t.replace(/\s+/g, '_')).join(' ')
}

export function cardsToTsv(cards: readonly Card[], domainOf: (card: Card) => string | undefined): string {
  const rows = ['#separator:tab', '#html:true', '#tags column:3']
  for (const c of cards) rows.push([field(c.front), field(c.back), tags(c, domainOf(c))].join('\t'))
  return `${rows.join('\n')}\n`
}
