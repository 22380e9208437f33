// Text patterns of auto-extracted cards: exam tips (cue → answer) and definitions (term → definition).
// Each takes a flattened paragraph (see inline.ts) and answers front/back, or undefined when it is not a card.
import { HIDDEN, clean, hideNested, type Flat } from './inline'

export interface Sides {
  front: string
  back: string
  /** the front is the section's title, not words on the card's line: the card starts where its answer does */
  fromSection?: boolean
}

/** "When a question says X, think Y", "If …, choose …": the cue clause, then an answer verb. */
const CUE_START = /^(?:when(?:ever)?|if|whenever you see|if you see)\b/i
const ANSWER_VERB = /,\s*(?:then\s+)?(think(?: of| about)?|choose|pick|use|go with|select|answer|consider|prefer|reach for|the answer is|look at|look for|remember|you'?ll know (?:it'?s|it is)|you know (?:it'?s|it is)|that'?s (?:going to be|probably|likely)|it'?s (?:probably|likely|most likely))\b\s*/gi
/** "Exam tip: …", "Tip — …" labels in front of a tip */
const TIP_LABEL = /^(?:exam[\s-]*tips?|tips?|exam|hint|trap)\s*[:：—–-]\s*/i
const ARROW = /\s(?:→|->|=>|⇒|⟶)\s/g
const ARROW_CHAR = /→|->|=>|⇒|⟶/

/** Separators between a term and its definition after a bold term or a short plain term. */
const TERM_SEP = /^\s*(?:\([^)]{0,80}\)\s*)?(?::|：|\s—|—|\s–|\s--?\s)/

/** Labels that are not terms: a bullet `**Pros:** …` is not a definition of "Pros". */
const GENERIC = new Set([
  'example', 'examples', 'e.g', 'eg', 'for example', 'note', 'notes', 'tip', 'tips', 'exam tip', 'exam tips', 'exam', 'tags', 'tag', 'pros', 'cons',
  'important', 'warning', 'caution', 'remember', 'summary', 'tl;dr', 'tldr', 'see also', 'see', 'source', 'sources', 'reference', 'references',
  'answer', 'question', 'key points', 'key point', 'key takeaway', 'key takeaways', 'takeaway', 'gotcha', 'gotchas', 'trap', 'exam relevance',
  'related', 'options', 'goal', 'problem', 'solution', 'scenario', 'trick', 'mnemonic', 'rule of thumb', 'status', 'level', 'priority', 'also',
  'then', 'otherwise', 'else', 'yes', 'no', 'correct', 'wrong', 'bad', 'good', 'better', 'best', 'avoid', 'do', "don't", 'fix', 'todo', 'date',
  'author', 'version', 'total', 'result', 'results', 'step', 'steps', 'link', 'links', 'more', 'details', 'overview', 'context', 'reason', 'why',
])
/** Labels that say something about the section they sit in: the front becomes "Section: label". */
const CONTEXT = new Set([
  'key concept', 'key concepts', 'concept', 'how', 'how it works', 'when', 'where', 'when to use', 'use when', 'use for', 'use case', 'use cases',
  'common use cases', 'best for', 'good for', 'not for', 'benefit', 'benefits', 'advantages', 'disadvantages', 'limitation', 'limitations',
  'process', 'trade-off', 'tradeoff', 'trade-offs', 'mechanism', 'formula', 'range', 'metric', 'metrics', 'problem type', 'what it does',
  'features', 'key features', 'output', 'input', 'cost', 'pricing', 'default', 'cause', 'symptom', 'symptoms', 'action', 'actions', 'type', 'types',
  'format', 'formats', 'purpose', 'interpretation', 'ideal', 'ideal value', 'goal metric', 'latency', 'limit', 'limits', 'scaling', 'storage',
])
/** Labels whose definition is the section itself: `**Definition:** …` under "What is transfer learning?" */
const SECTION_LABEL = new Set(['definition', 'what', 'what it is', 'what is it', 'meaning', 'description', 'overview'])

/** a plain "term" holding one of these is a clause ("Endpoint configurations are immutable — …"), not a name */
const PLAIN_VERB = /\b(?:is|are|was|were|be|been|has|have|had|can|cannot|must|should|will|would|does|do|did|may|might|need|needs|makes|gets)\b/i

const words = (s: string) => s.split(/\s+/).filter(Boolean).length
const hasWord = (s: string) => /\p{L}{2,}/u.test(s)
const norm = (s: string) => s.toLowerCase().replace(/[\s:.]+$/, '').trim()

/** Is this a label like "Pros" rather than a term? ("Scenario 2" too) */
export function isGenericLabel(term: string): boolean {
  const t = norm(term).replace(/\s*\d+$/, '')
  return GENERIC.has(t) || CONTEXT.has(t) || SECTION_LABEL.has(t)
}

/** The words that introduce a cue ("When a question says"), repeated in front of the cues that follow a `;`. */
const LEAD = /^(?:when(?:ever)?\s+(?:a|the)\s+(?:question|scenario|stem)\s+(?:says|mentions|asks(?:\s+for)?|describes|wants)|when\s+(?:it|you)\s+(?:says?|sees?|read)|if\s+(?:it|you|the question)\s+(?:says?|sees?|mentions?))\s+/i

/**
 * Exam tips: "When …, think …", "If …, choose …", or a single "X → Y". A tip may go on after a `;` with more
 * cues ("…, think A; "Y", think B"): each becomes its own card.
 */
export function matchTips(f: Flat): Sides[] {
  let text = f.text
  let mask = f.mask
  // "**Exam tip:** …" or "Exam tip: …": the label goes, the rest must still be a cue and an answer
  const label = TIP_LABEL.exec(text)
  if (label) {
    text = text.slice(label[0].length)
    mask = mask.slice(label[0].length)
  }
  const plain = text.replace(/\n/g, ' ')
  const cued = CUE_START.test(plain)
  // most paragraphs are neither: skip the masking work for them
  if (!cued && !ARROW_CHAR.test(plain)) return []
  const hidden = hideNested(mask.replace(/\n/g, ' '))
  if (cued) {
    ANSWER_VERB.lastIndex = 0
    const m = ANSWER_VERB.exec(hidden)
    if (m) {
      const cue = clean(plain.slice(0, m.index))
      const from = m.index + m[0].length
      const lead = LEAD.exec(plain)?.[0] ?? ''
      const [first, ...more] = clauses(plain.slice(from), hidden.slice(from))
      const out: Sides[] = [{ front: `${cue}, ${m[1].toLowerCase()} …`, back: first.plain }]
      for (const c of more) {
        const next = followUp(c.plain, c.hidden, lead)
        if (next) out.push(next)
        else out[out.length - 1].back += '; ' + c.plain
      }
      for (const s of out) s.back = clean(s.back)
      return words(cue) >= 2 && out.every((s) => hasWord(s.back)) ? out : []
    }
  }
  const arrow = matchArrow(plain, hidden)
  return arrow ? [arrow] : []
}

/** Split at `;` outside code, quotes and brackets. */
function clauses(plain: string, hidden: string): { plain: string; hidden: string }[] {
  const out: { plain: string; hidden: string }[] = []
  let at = 0
  for (let i = hidden.indexOf(';'); i !== -1; i = hidden.indexOf(';', i + 1)) {
    out.push({ plain: plain.slice(at, i), hidden: hidden.slice(at, i) })
    at = i + 1
  }
  out.push({ plain: plain.slice(at), hidden: hidden.slice(at) })
  return out
}

/** A cue after a `;`: `"Y", think B` or `"Y" → B`; the first cue's lead words make it read on its own. */
function followUp(plain: string, hidden: string, lead: string): Sides | undefined {
  ANSWER_VERB.lastIndex = 0
  const m = ANSWER_VERB.exec(hidden)
  const prefix = lead && !CUE_START.test(plain.trim()) ? lead : ''
  if (m) {
    const cue = clean(plain.slice(0, m.index))
    const back = clean(plain.slice(m.index + m[0].length))
    return hasWord(cue) && hasWord(back) ? { front: `${prefix}${cue}, ${m[1].toLowerCase()} …`, back } : undefined
  }
  const a = matchArrow(plain, hidden)
  return a ? { front: `${prefix}${a.front} → …`, back: a.back } : undefined
}

/** "X → Y" with exactly one arrow outside code, quotes and brackets; both sides worded; no "Label:" before it. */
function matchArrow(plain: string, hidden: string): Sides | undefined {
  const arrows = [...hidden.matchAll(ARROW)]
  if (arrows.length !== 1) return undefined
  const at = arrows[0].index ?? 0
  if (hidden.slice(0, at).includes(':')) return undefined
  const front = clean(plain.slice(0, at))
  const back = clean(plain.slice(at + arrows[0][0].length))
  if (!hasWord(front) || !/^["“'*_\p{L}]/u.test(back) || !hasWord(back)) return undefined
  return { front, back }
}

/**
 * A definition: `**Term**: text`, `**Term:** text`, `**Term** — text`, `**Term** (long name): text`, or a plain
 * short `Term — text` / `Term: text`. `sectionTitle` answers for labels like "Definition".
 */
export function matchDefinition(f: Flat, allowPlain: boolean, sectionTitle: () => string, bareTerm = false): Sides | undefined {
  const text = f.text.replace(/\n/g, ' ')
  let term: string
  let rest: string
  if (f.strongEnd > 0) {
    term = text.slice(0, f.strongEnd)
    rest = text.slice(f.strongEnd)
    if (/[:：]\s*$/.test(term)) term = term.replace(/[:：]\s*$/, '')
    else if (bareTerm && rest.trim() === '') rest = '' // `- **Term**` over a nested list: the list answers
    // `**Term**` alone on its line, the definition on the lines below it (a hard or soft line break between)
    else if (/^[ \t]*\n/.test(f.text.slice(f.strongEnd)) && words(rest) >= 3 && words(term) <= 8) rest = rest.trim()
    else {
      const sep = TERM_SEP.exec(rest)
      if (!sep) return undefined
      // a parenthesis between the term and the separator belongs to the term: "**SMOTE** (Synthetic …): …"
      const paren = /^\s*(\([^)]*\))/.exec(rest)
      if (paren && paren.index === 0 && sep[0].includes('(')) term += ' ' + paren[1]
      rest = rest.slice(sep[0].length)
    }
  } else {
    if (!allowPlain) return undefined
    const hidden = hideNested(f.mask.replace(/\n/g, ' '))
    // `- Term:` over a nested list: the list answers (the usual checks on a plain term below still apply)
    const m = /\s[—–]\s|\s--?\s|:\s/.exec(hidden) ?? (bareTerm ? /:\s*$/.exec(hidden) : null)
    if (!m) return undefined
    term = text.slice(0, m.index)
    rest = text.slice(m.index + m[0].length)
    const colon = m[0].startsWith(':')
    const n = words(term)
    // a plain term is a name, not a clause: short, no sentence punctuation, no verb; a lower-case one shorter
    // still, unless it is code (`fit()`)
    const upper = /^[\p{Lu}\p{N}"“'(]/u.test(term.trim()) || hidden.trimStart().startsWith(HIDDEN)
    if (n > (colon ? 4 : 6) || (!upper && n > 3) || term.length > 60 || /[,.;!?]/.test(term) || PLAIN_VERB.test(term)) return undefined
    if (colon && words(rest) < 2 && !(bareTerm && rest.trim() === '')) return undefined
  }
  term = clean(term)
  const back = clean(rest)
  if (!term || words(term) > 12 || term.length > 100) return undefined
  const label = norm(term)
  if (SECTION_LABEL.has(label) || CONTEXT.has(label)) {
    const title = clean(sectionTitle())
    if (!title || isGenericLabel(title)) return undefined
    return { front: SECTION_LABEL.has(label) ? title : `${title}: ${term}`, back, fromSection: true }
  }
  if (isGenericLabel(term)) return undefined
  return { front: term, back }
}
