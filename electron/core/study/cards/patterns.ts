// Text patterns of auto-extracted cards: exam tips (cue → answer) and definitions (term → definition).
// Each takes a flattened paragraph (see inline.ts) and answers front/back, or undefined when it is not a card.
import { HIDDEN, clean, hideNested, type Flat } from './inline'

export interface Sides {
  front: string
  back: string
}

/** "When a question says X, think Y", "If …, choose …": the cue clause, then an answer verb. */
const CUE_START = /^(?:when(?:ever)?|if|whenever you see|if you see)\b/i
const ANSWER_VERB = /,\s*(?:then\s+)?(think(?: of| about)?|choose|pick|use|go with|select|answer|consider|prefer|reach for|the answer is|look at|look for|remember)\b\s*/gi
/** "Exam tip: …", "Tip — …" labels in front of a tip */
const TIP_LABEL = /^(?:exam[\s-]*tips?|tips?|exam|hint|trap)\s*[:：—–-]\s*/i
const ARROW = /\s(?:→|->|=>|⇒|⟶)\s/g

/** Separators between a term and its definition after a bold term or a short plain term. */
const TERM_SEP = /^\s*(?:\([^)]{0,80}\)\s*)?(?::|：|\s—|—|\s–|\s-\s)/

/** Labels that are not terms: a bullet `**Pros:** …` is not a definition of "Pros". */
const GENERIC = new Set(
  [
    'definition', 'what', 'what it is', 'what is it', 'purpose', 'key concept', 'key concepts', 'concept', 'how', 'how it works', 'why', 'when',
    'where', 'when to use', 'use when', 'use case', 'use cases', 'common use cases', 'example', 'examples', 'e.g', 'eg', 'for example', 'note', 'notes',
    'tip', 'tips', 'exam tip', 'exam tips', 'exam', 'tags', 'tag', 'pros', 'cons', 'benefit', 'benefits', 'advantages', 'disadvantages', 'limitation',
    'limitations', 'process', 'steps', 'result', 'results', 'important', 'warning', 'caution', 'remember', 'summary', 'tl;dr', 'tldr', 'see also', 'see',
    'source', 'sources', 'reference', 'references', 'answer', 'question', 'key points', 'key point', 'key takeaway', 'key takeaways', 'takeaway',
    'best practice', 'best practices', 'gotcha', 'gotchas', 'trap', 'exam relevance', 'related', 'features', 'key features', 'output', 'input',
    'options', 'goal', 'problem', 'solution', 'scenario', 'trick', 'mnemonic', 'rule of thumb', 'status', 'level', 'priority', 'cost', 'pricing',
    'also', 'then', 'otherwise', 'else', 'default', 'yes', 'no', 'correct', 'wrong', 'bad', 'good', 'better', 'best', 'avoid', 'do', "don't", 'fix',
    'cause', 'symptom', 'symptoms', 'action', 'actions', 'type', 'types', 'format', 'formats', 'link', 'links', 'todo', 'date', 'author', 'version',
  ],
)
/** Labels whose definition is the section itself: `**Definition:** …` under "What is transfer learning?" */
const SECTION_LABEL = new Set(['definition', 'what', 'what it is', 'what is it', 'purpose', 'key concept', 'concept'])

const words = (s: string) => s.split(/\s+/).filter(Boolean).length
const hasWord = (s: string) => /\p{L}{2,}/u.test(s)
const norm = (s: string) => s.toLowerCase().replace(/[\s:.]+$/, '').trim()

/** Is this a label like "Pros" rather than a term? */
export function isGenericLabel(term: string): boolean {
  return GENERIC.has(norm(term))
}

/** An exam tip: "When …, think …", "If …, choose …", or a single "X → Y". */
export function matchTip(f: Flat): Sides | undefined {
  let text = f.text
  let mask = f.mask
  // "**Exam tip:** …" or "Exam tip: …": the label goes, the rest must still be a cue and an answer
  const label = TIP_LABEL.exec(text)
  if (label) {
    text = text.slice(label[0].length)
    mask = mask.slice(label[0].length)
  }
  const plain = text.replace(/\n/g, ' ')
  const hidden = hideNested(mask.replace(/\n/g, ' '))
  if (CUE_START.test(plain)) {
    ANSWER_VERB.lastIndex = 0
    const m = ANSWER_VERB.exec(hidden)
    if (m) {
      const cue = clean(plain.slice(0, m.index))
      const back = clean(plain.slice(m.index + m[0].length))
      if (words(cue) >= 2 && hasWord(back)) return { front: `${cue}, ${m[1].toLowerCase()} …`, back }
    }
  }
  return matchArrow(plain, hidden)
}

/** "X → Y" with exactly one arrow outside code, quotes and brackets; both sides worded. */
function matchArrow(plain: string, hidden: string): Sides | undefined {
  const arrows = [...hidden.matchAll(ARROW)]
  if (arrows.length !== 1) return undefined
  const at = arrows[0].index ?? 0
  const front = clean(plain.slice(0, at))
  const back = clean(plain.slice(at + arrows[0][0].length))
  if (!hasWord(front) || !/^["“'*_\p{L}]/u.test(back) || !hasWord(back)) return undefined
  return { front, back }
}

/**
 * A definition: `**Term**: text`, `**Term:** text`, `**Term** — text`, `**Term** (long name): text`, or a plain
 * short `Term — text` / `Term: text`. `sectionTitle` answers for labels like "Definition".
 */
export function matchDefinition(f: Flat, allowPlain: boolean, sectionTitle: string): Sides | undefined {
  const text = f.text.replace(/\n/g, ' ')
  let term: string
  let rest: string
  if (f.strongEnd > 0) {
    term = text.slice(0, f.strongEnd)
    rest = text.slice(f.strongEnd)
    if (/[:：]\s*$/.test(term)) term = term.replace(/[:：]\s*$/, '')
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
    const m = /\s[—–]\s|\s-\s|:\s/.exec(hidden)
    if (!m) return undefined
    term = text.slice(0, m.index)
    rest = text.slice(m.index + m[0].length)
    const colon = m[0].startsWith(':')
    // a plain term is a name, not a clause: short, no sentence punctuation
    if (words(term) > (colon ? 4 : 6) || term.length > 60 || /[,.;!?]/.test(term) || !/^[\p{Lu}\p{N}"“`'(]/u.test(term.trim())) return undefined
    if (colon && words(rest) < 3) return undefined
  }
  term = clean(term)
  const back = clean(rest)
  if (!term || term.includes(HIDDEN) || words(term) > 12 || term.length > 100) return undefined
  if (isGenericLabel(term)) {
    if (!SECTION_LABEL.has(norm(term)) || !sectionTitle || isGenericLabel(sectionTitle)) return undefined
    return { front: sectionTitle, back }
  }
  return { front: term, back }
}
