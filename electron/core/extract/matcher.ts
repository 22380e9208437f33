// A token trie over every name, alias and former name of the ontology, compiled once per ontology.
// Matching is by lowercase token; letter case and context rules are checked per alias afterwards.
import type { AliasMode, Ontology, OntologyEntity } from '../ontology/types'

/** Per-token letter-case rule: `exact` as written, `cap` capitalised (or all caps), `any` free. */
type CaseRule = 'exact' | 'cap' | 'any'

export interface AliasEntry {
  entity: OntologyEntity
  /** the alias as written in the ontology (or a generated "AWS …"/parent-prefixed form) */
  alias: string
  tokens: string[]
  caseRules: CaseRule[]
  /** mode of the bare alias; prefixed forms are `strong` */
  mode: AliasMode
  /** rank among entries of equal length: services before concepts */
  rank: number
  /** the bare alias is also an English verb ("Translate"), so it may open an imperative sentence */
  verb: boolean
}

export interface TrieNode {
  /** keyed by word id (see Matcher.wordId) */
  next: Map<number, TrieNode>
  entries: AliasEntry[]
}

/** Columns of the word table: a–z (either case), 0–9 and `_`, the characters of TOKEN_RE. */
const COLUMNS = 37
function column(c: number): number {
  if (c >= 97 && c <= 122) return c - 97
  if (c >= 65 && c <= 90) return c - 65
  if (c >= 48 && c <= 57) return c - 22
  return c === 95 ? 36 : -1
}

/** A character of TOKEN_RE (by its char code). */
export const isTokenChar = (c: number) => column(c) >= 0

/** Word tokens: letters, digits and underscores (so `s3_bucket` stays one identifier). */
export const TOKEN_RE = /[A-Za-z0-9_]+/g

export function tokenize(s: string): string[] {
  return s.match(TOKEN_RE) ?? []
}

const isAcronym = (t: string) => /[A-Z]/.test(t) && !/[a-z]/.test(t)
const BRANDS = ['AWS', 'Amazon']

export class Matcher {
  private root: TrieNode = { next: new Map(), entries: [] }
  /** boto3 client / ARN namespace / URI scheme → entity */
  readonly sdkClients = new Map<string, OntologyEntity>()
  /** parent id → ids of its features (for "the parent is in context") */
  readonly family = new Map<string, Set<string>>()
  /** product families without a service of their own ("Lookout" → Lookout for Metrics/Vision/Equipment) */
  readonly productFamilies: ProductFamily[] = []
  /** matches any product-family word, for a quick check before the per-row work */
  productFamilyWord: RegExp | undefined
  size = 0
  /** every alias word, so a note's tokens are looked up in place */
  private words = new WordTable()
  /** the root's children by word id: every token of a note is looked up there, an array is cheaper than a map */
  private firstWord: (TrieNode | undefined)[] = []

  constructor(readonly ontology: Ontology) {
    for (const e of ontology.entities) {
      if (e.type === 'service') this.addService(e)
      else this.addConcept(e)
      if (e.parent) {
        const set = this.family.get(e.parent) ?? new Set<string>()
        set.add(e.id)
        this.family.set(e.parent, set)
      }
    }
    this.indexSdkClients()
    this.indexProductFamilies()
    this.words.freeze()
    this.firstWord = Array.from({ length: this.words.size }, (_, id) => this.root.next.get(id))
  }

  /** Id of the alias word `text[start, end)` in any letter case; -1 when no alias has that word. */
  wordId(text: string, start: number, end: number): number {
    return this.words.id(text, start, end)
  }

  /** Word tokens of `text` (TOKEN_RE runs) with their word ids, into a reused buffer. */
  tokenize(text: string, into: Tokens): void {
    this.words.tokenize(text, into)
  }

  /** Trie node after the word with id `id` from `node` (undefined when no alias continues that way). */
  next(node: TrieNode | undefined, id: number): TrieNode | undefined {
    if (id < 0) return undefined
    return node === undefined ? this.firstWord[id] : node.next.get(id)
  }

  /** Trie node after the word `key` from `node` (undefined when no alias continues that way). */
  step(node: TrieNode | undefined, key: string): TrieNode | undefined {
    return this.next(node, this.wordId(key, 0, key.length))
  }

  get start(): TrieNode {
    return this.root
  }

  private add(entity: OntologyEntity, alias: string, mode: AliasMode, caseRules?: CaseRule[]): void {
    const tokens = tokenize(alias)
    if (tokens.length === 0) return
    const rules = caseRules ?? tokens.map((t) => ruleFor(t, mode))
    let node = this.root
    for (const t of tokens) {
      const k = this.words.add(t.toLowerCase())
      let n = node.next.get(k)
      if (!n) {
        n = { next: new Map(), entries: [] }
        node.next.set(k, n)
      }
      node = n
    }
    const dup = node.entries.find((x) => x.entity === entity && x.tokens.join(' ') === tokens.join(' '))
    if (dup) {
      // keep the most permissive rule for the same spelling (a strong form beats a contextual one)
      if (strength(mode) > strength(dup.mode)) Object.assign(dup, { mode, caseRules: rules, alias })
      return
    }
    const verb = mode !== 'strong' && (entity.verbs ?? []).some((v) => v.toLowerCase() === alias.toLowerCase())
    node.entries.push({ entity, alias, tokens, caseRules: rules, mode, rank: entity.type === 'service' ? 0 : 1, verb })
    this.size++
  }

  private addService(e: OntologyEntity): void {
    const forms = [e.name, ...e.aliases, ...(e.formerNames ?? [])]
    const parent = e.parent ? this.ontology.byId.get(e.parent) : undefined
    const parentForms = parent ? prefixForms(parent) : []
    for (const a of forms) {
      const mode = e.match?.[a] ?? 'strong'
      // qualified names are matched too, but accepted only in a list of services (joins.ts)
      this.add(e, a, mode)
      const branded = BRANDS.some((b) => a.startsWith(b + ' '))
      if (!branded) for (const b of BRANDS) this.add(e, `${b} ${a}`, 'strong', prefixedRules(`${b} ${a}`, 1, 'strong'))
      for (const [p, pMode] of parentForms) {
        if (a.toLowerCase().startsWith(p.toLowerCase() + ' ') || branded) continue
        this.add(e, `${p} ${a}`, 'strong', prefixedRules(`${p} ${a}`, tokenize(p).length, pMode))
      }
    }
  }

  private addConcept(e: OntologyEntity): void {
    for (const a of [e.name, ...e.aliases]) this.add(e, a, isAcronym(a.replace(/[^A-Za-z]/g, '')) ? 'exact' : 'strong')
  }

  private indexProductFamilies(): void {
    const known = new Set(this.ontology.entities.flatMap((e) => [e.name, ...e.aliases].map((a) => a.toLowerCase())))
    const byFamily = new Map<string, Map<string, OntologyEntity>>()
    for (const e of this.ontology.entities) {
      const m = /^(?:AWS|Amazon) ([A-Z][\w-]*) for ([A-Z][\w-]*)$/.exec(e.name)
      if (!m || known.has(m[1].toLowerCase()) || known.has(`amazon ${m[1].toLowerCase()}`) || known.has(`aws ${m[1].toLowerCase()}`)) continue
      const members = byFamily.get(m[1]) ?? new Map<string, OntologyEntity>()
      members.set(m[2], e)
      byFamily.set(m[1], members)
    }
    for (const [family, members] of byFamily) if (members.size >= 2) this.productFamilies.push(familyPatterns(family, members))
    const words = this.productFamilies.map((f) => f.family)
    this.productFamilyWord = words.length ? new RegExp(`\\b(?:${words.join('|')})\\b`) : undefined
  }

  private indexSdkClients(): void {
    // A client name shared by a service and its features (sagemaker, kinesis) means the top-level service.
    for (const e of this.ontology.entities) {
      for (const c of e.sdkClients ?? []) {
        const cur = this.sdkClients.get(c)
        if (!cur || (cur.feature && !e.feature) || (cur.feature === e.feature && e.name.length < cur.name.length)) this.sdkClients.set(c, e)
      }
    }
  }
}

/**
 * Alias words as a character trie (row = node, column = character, 0 = no edge as the root is never a child):
 * a note's tokens are looked up without slicing or lowercasing them, and most words fail on their first letters.
 */
class WordTable {
  /** row-major, COLUMNS per node; grown by doubling while words are added (pushing 37 zeros per node was slow) */
  private edges: Uint16Array | Int32Array = new Int32Array(COLUMNS * 1024)
  /** node → id of the word ending there, or -1 */
  private ends: Int32Array = new Int32Array(1024).fill(-1)
  private nodes = 1
  size = 0

  /** The id of a lowercase word made of TOKEN_RE characters (added when new; only before `freeze`). */
  add(word: string): number {
    let node = 0
    for (let p = 0; p < word.length; p++) {
      const at = node * COLUMNS + column(word.charCodeAt(p))
      if (this.edges[at] === 0) {
        if (this.nodes === this.ends.length) this.grow()
        this.edges[at] = this.nodes++
      }
      node = this.edges[at]
    }
    if (this.ends[node] < 0) this.ends[node] = this.size++
    return this.ends[node]
  }

  private grow(): void {
    const edges = new Int32Array(this.edges.length * 2)
    edges.set(this.edges)
    const ends = new Int32Array(this.ends.length * 2).fill(-1)
    ends.set(this.ends)
    this.edges = edges
    this.ends = ends
  }

  /** Compact typed arrays once every alias is in (16-bit edges while they fit: a smaller table stays in cache). */
  freeze(): void {
    const used = this.edges.subarray(0, this.nodes * COLUMNS)
    this.edges = this.nodes <= 0xffff ? Uint16Array.from(used) : Int32Array.from(used)
    this.ends = this.ends.slice(0, this.nodes)
  }

  id(text: string, start: number, end: number): number {
    let node = 0
    for (let p = start; p < end; p++) {
      const col = column(text.charCodeAt(p))
      if (col < 0) return -1
      node = this.edges[node * COLUMNS + col]
      if (node === 0) return -1
    }
    return this.ends[node]
  }

  /** Split `text` into TOKEN_RE runs, walking the trie along each one in the same pass. */
  tokenize(text: string, into: Tokens): void {
    const len = text.length
    let n = 0
    let p = 0
    while (p < len) {
      let col = column(text.charCodeAt(p))
      if (col < 0) {
        p++
        continue
      }
      const from = p
      let node = 0 // -1 once the word has left the table
      do {
        if (node >= 0) node = this.edges[node * COLUMNS + col] || -1 // no edge: not an alias word
        p++
      } while (p < len && (col = column(text.charCodeAt(p))) >= 0)
      into.set(n++, from, p, node > 0 ? this.ends[node] : -1)
    }
    into.length = n
  }
}

/**
 * The word tokens of a text as offsets plus each word's id (see Matcher.wordId): one reused buffer, as every
 * block of every note is tokenised.
 */
export class Tokens {
  start: Int32Array = new Int32Array(256)
  end: Int32Array = new Int32Array(256)
  id: Int32Array = new Int32Array(256)
  length = 0

  set(k: number, start: number, end: number, id: number): void {
    if (k === this.start.length) {
      this.start = grown(this.start)
      this.end = grown(this.end)
      this.id = grown(this.id)
    }
    this.start[k] = start
    this.end[k] = end
    this.id[k] = id
  }
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2)
  b.set(a)
  return b
}

/** A product family word and the patterns (compiled once) that find its members written as an enumeration. */
export interface ProductFamily {
  family: string
  /** member short name ("Metrics") → entity */
  members: Map<string, OntologyEntity>
  /** "Lookout: Metrics, Vision", "Lookout for Metrics, Vision and Equipment"; group 1 is the enumeration (global) */
  inline: RegExp
  /** a table cell that is the family word alone ("Lookout", "Amazon Lookout family") */
  cell: RegExp
  /** a table cell that is an enumeration of members and nothing else */
  list: RegExp
  /** each member name inside an enumeration (global) */
  member: RegExp
}

function familyPatterns(family: string, members: Map<string, OntologyEntity>): ProductFamily {
  const member = `(?:${[...members.keys()].join('|')})(?![\\w-])`
  const enumeration = `${member}(?:\\s*(?:,\\s*and|,\\s*or|,|/|&|and|or)\\s*${member})*`
  return {
    family,
    members,
    inline: new RegExp(`(?<![\\w-])${family}(?:\\s+for)?\\s*[:(–—-]?\\s*(${enumeration})`, 'g'),
    cell: new RegExp(`^\\s*(?:AWS |Amazon )?${family}(?: family)?\\s*$`),
    list: new RegExp(`^\\s*${enumeration}\\s*\\.?\\s*$`),
    member: new RegExp(member, 'g'),
  }
}

/** Parent names usable as a prefix ("SageMaker Studio", "Glue crawler"): not the qualified-only ones. */
function prefixForms(parent: OntologyEntity): [string, AliasMode][] {
  const out: [string, AliasMode][] = []
  for (const f of [parent.name, ...parent.aliases]) {
    const mode = parent.match?.[f] ?? 'strong'
    if (mode === 'qualified' || mode === 'title' || mode === 'lower') continue
    out.push([f, mode])
  }
  return out
}

function strength(m: AliasMode): number {
  return { strong: 6, exact: 5, name: 4, lower: 3, title: 2, word: 1, qualified: 0 }[m]
}

function ruleFor(token: string, mode: AliasMode): CaseRule {
  if (isAcronym(token)) return 'exact'
  if (mode === 'exact') return 'exact'
  if ((mode === 'word' || mode === 'title' || mode === 'name' || mode === 'qualified') && /^[A-Z]/.test(token)) return 'cap'
  return 'any'
}

/**
 * "AWS Glue", "SageMaker Studio", "Glue crawler": acronyms keep their case; a prefix that is an ordinary word
 * ("Glue") stays capitalised; the rest may be written in any case.
 */
function prefixedRules(alias: string, prefixTokens: number, prefixMode: AliasMode): CaseRule[] {
  return tokenize(alias).map((t, k) => {
    if (isAcronym(t) && t.length <= 5) return 'exact'
    return k < prefixTokens && prefixMode === 'word' && /^[A-Z]/.test(t) ? 'cap' : 'any'
  })
}
