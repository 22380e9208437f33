// Pure merge of the reference service facts with our additions.json (see build-ontology.ts for the CLI).
import type { AliasMode, OntologyEntity } from './types'
import { entityIdFor } from './ids'

export interface RefService {
  name: string
  category: string
  parent: string | null
  aliases?: string[]
  formerNames?: string[] | null
  sdkClient?: string[]
}

interface Override {
  cues?: string[]
  parent?: string
  feature?: boolean
  option?: boolean
  addAliases?: string[]
  removeAliases?: string[]
  addFormerNames?: string[]
}

/** An entity our additions define that the reference facts lack. */
type AddedEntity = Pick<OntologyEntity, 'name' | 'category' | 'parent' | 'feature' | 'option' | 'aliases' | 'formerNames'>

export interface Additions {
  overrides: Record<string, Override>
  entities: AddedEntity[]
  matching: {
    ambiguousWords: string[]
    coinedWords: string[]
    qualifiedOnly: string[]
    lowercaseOk: string[]
    titleOnly: string[]
    verbWords: string[]
  }
}

/** Reference services + our additions → the entities of services.json, and any problems found. */
export function buildServices(ref: { services: RefService[] }, additions: Additions): { entities: OntologyEntity[]; problems: string[] } {
  const problems: string[] = []
  const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))]

  // 1. Merge reference services, overrides and our own entities (by canonical name).
  interface Draft {
    name: string
    category: string
    parent?: string
    feature: boolean
    option: boolean
    aliases: string[]
    formerNames: string[]
    sdkClients: string[]
    cues: string[]
  }
  const drafts = new Map<string, Draft>()
  for (const s of ref.services) {
    drafts.set(s.name, {
      name: s.name,
      category: s.category,
      parent: s.parent ?? undefined,
      feature: Boolean(s.parent),
      option: false,
      aliases: [...(s.aliases ?? [])],
      formerNames: [...(s.formerNames ?? [])],
      sdkClients: [...(s.sdkClient ?? [])],
      cues: [],
    })
  }
  for (const e of additions.entities) {
    if (drafts.has(e.name)) problems.push(`addition duplicates a reference service: ${e.name}`)
    drafts.set(e.name, {
      name: e.name,
      category: e.category,
      parent: e.parent,
      feature: e.feature ?? Boolean(e.parent),
      option: e.option ?? false,
      aliases: [...e.aliases],
      formerNames: [...(e.formerNames ?? [])],
      sdkClients: [],
      cues: [],
    })
  }
  for (const [name, o] of Object.entries(additions.overrides)) {
    const d = drafts.get(name)
    if (!d) {
      problems.push(`override for unknown service: ${name}`)
      continue
    }
    if (o.parent !== undefined) d.parent = o.parent
    if (o.feature !== undefined) d.feature = o.feature
    if (o.option !== undefined) d.option = o.option
    if (o.cues) d.cues = [...o.cues]
    const drop = new Set((o.removeAliases ?? []).map((a) => a.toLowerCase()))
    d.aliases = [...d.aliases.filter((a) => !drop.has(a.toLowerCase())), ...(o.addAliases ?? [])]
    d.formerNames = [...d.formerNames, ...(o.addFormerNames ?? [])]
  }

  // Notes often drop the brand ("SageMaker Unified Studio", "Elastic Block Store"): a multi-word name is also
  // an alias without it. Single words ("Support", "SDKs") are too ordinary to add this way.
  for (const d of drafts.values()) {
    const bare = /^(?:AWS|Amazon) (.+)$/.exec(d.name)?.[1]
    if (!bare || !/\s/.test(bare)) continue
    const known = [...d.aliases, ...d.formerNames].some((a) => a.toLowerCase() === bare.toLowerCase())
    if (!known) d.aliases.push(bare)
  }

  // 2. Decide how each bare alias may be matched.
  const m = additions.matching
  const setOf = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()))
  const ambiguous = setOf(m.ambiguousWords)
  const coined = setOf(m.coinedWords)
  const qualifiedOnly = setOf(m.qualifiedOnly)
  const lowercaseOk = setOf(m.lowercaseOk)
  const titleOnly = setOf(m.titleOnly)
  const verbWords = setOf(m.verbWords ?? [])
  // Single-word names of top-level services ("Glue", "Kinesis"): a phrase containing one is a product name
  // ("Glue Data Catalog"), not prose. Feature words ("Pipelines", "Studio") do not make a phrase a name.
  const brandWords = new Set<string>()
  for (const d of drafts.values()) {
    if (d.feature) continue
    for (const a of [d.name, ...d.aliases]) {
      const bare = a.replace(/^(AWS|Amazon) /, '')
      const key = bare.toLowerCase()
      if (!/\s/.test(bare) && !qualifiedOnly.has(key)) brandWords.add(key)
    }
  }

  const isAcronym = (t: string) => /[A-Z]/.test(t) && !/[a-z]/.test(t)
  const isDistinctToken = (t: string) => isAcronym(t) || /.[A-Z]/.test(t) || /\d/.test(t) || coined.has(t.toLowerCase())

  function modeFor(alias: string): AliasMode {
    const key = alias.toLowerCase()
    if (qualifiedOnly.has(key)) return 'qualified'
    if (/^(AWS|Amazon) \S/.test(alias)) return 'strong'
    if (ambiguous.has(key)) return 'word'
    if (isAcronym(alias)) return 'exact'
    if (lowercaseOk.has(key)) return 'lower'
    if (titleOnly.has(key)) return 'title'
    const tokens = alias.split(/[\s-]+/).filter(Boolean)
    if (tokens.length === 1) {
      if (ambiguous.has(key)) return 'word'
      if (isDistinctToken(alias) || /^[a-z]/.test(alias)) return 'strong'
      return 'word'
    }
    if (tokens.some((t) => isDistinctToken(t))) return 'strong'
    const brands = tokens.filter((t) => brandWords.has(t.toLowerCase()))
    // "Glue crawler", "Lambda functions": a name, but "lambda function" in Python prose is not
    if (brands.length) return brands.some((t) => ambiguous.has(t.toLowerCase())) ? 'name' : 'strong'
    return 'title'
  }

  // 3. Emit entities with ids; parents become ids.
  const byName = new Map([...drafts.values()].map((d) => [d.name, d]))
  const entities: OntologyEntity[] = []
  const seenAlias = new Map<string, string>()
  for (const d of [...drafts.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (d.parent && !byName.has(d.parent)) problems.push(`${d.name}: unknown parent ${d.parent}`)
    const aliases = uniq(d.aliases).filter((a) => a.toLowerCase() !== d.name.toLowerCase())
    const formerNames = uniq(d.formerNames)
    const match: Record<string, AliasMode> = {}
    const verbs: string[] = []
    for (const a of uniq([d.name, ...aliases, ...formerNames])) {
      const mode = modeFor(a)
      if (mode !== 'strong') match[a] = mode
      if (verbWords.has(a.toLowerCase())) verbs.push(a)
      const owner = seenAlias.get(a.toLowerCase())
      if (owner && owner !== d.name) problems.push(`alias "${a}" is used by ${owner} and ${d.name}`)
      seenAlias.set(a.toLowerCase(), d.name)
    }
    const e: OntologyEntity = {
      id: entityIdFor(d.name, 'service'),
      type: 'service',
      name: d.name,
      category: d.category,
      aliases,
    }
    if (d.parent) e.parent = entityIdFor(d.parent, 'service')
    if (d.feature) e.feature = true
    if (d.option) e.option = true
    if (formerNames.length) e.formerNames = formerNames
    if (Object.keys(match).length) e.match = match
    if (verbs.length) e.verbs = verbs
    if (d.sdkClients.length) e.sdkClients = uniq(d.sdkClients)
    if (d.cues.length) e.cues = uniq(d.cues)
    entities.push(e)
  }

  const ids = new Set<string>()
  for (const e of entities) {
    if (ids.has(e.id)) problems.push(`duplicate id ${e.id}`)
    ids.add(e.id)
  }

  return { entities, problems }
}

/** The exact text of services.json (one entity per block, stable order). */
export function serializeServices(entities: OntologyEntity[]): string {
  return JSON.stringify(entities, null, 1) + '\n'
}
