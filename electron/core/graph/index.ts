/**
 * Graph module: notes (NoteMeta) + ontology → knowledge graph, and the queries the UI panels need.
 * Pure TypeScript, no Node or Electron APIs.
 *
 * Typical use (engine / backend):
 *
 *   const builder = new GraphBuilder(ontology)
 *   builder.setNotes(metas)                             // = setNote for each; O(note) each
 *   builder.setDiagnostics(diags)                       // shipped in graph().diagnostics
 *   builder.graph()                                     // materializes lazily: any number of set/remove
 *                                                       // calls before it cost one materialization; the
 *                                                       // same object is returned until the next change
 *   builder.setNote(changed) / builder.removeNote(path) // incremental, O(that note); the next graph()
 *                                                       // rebuilds only touched nodes/edges, reusing the rest
 *   builder.takeDelta()                                 // net node/edge changes since the last takeDelta()
 *                                                       // (the first call returns everything as added)
 *
 *   const q = createGraphQueries(builder, getLines)     // getLines(path) → the note's lines, numbered
 *                                                       // like Mention.line (lines[0] = line 1), or undefined
 *   q.neighbourhood(id, depth) q.overlap(ids) q.centrality() q.getMentions(id) q.exams()
 *   q.coverageGaps(code) q.renamed() q.search(query, limit) q.confusedPairs(limit) q.examOverlap(a, b)
 *   — the first nine match the Api methods of electron/shared/contract.ts one to one.
 *
 * Graph contents:
 *  - nodes: `domain:Dn` (only domains some note belongs to; label "Domain 1: <MLA-C01 domain name>"),
 *    `note:<path>`, services/concepts mentioned by some note plus the ancestors of mentioned features
 *    (noteCount = notes mentioning the entity itself), `tag:<tag>` (label "#tag").
 *  - edges (id `${type}:${source}->${target}`, related with sorted endpoints): contains (domain→note),
 *    mentions (note→entity, weight = count, refs ≤ 50 {line, section title}), part-of (feature→parent),
 *    related (entity pair in one section, not concept–concept; weight = sections), links-to
 *    (note→note, only while the target note exists; weight = links), tagged (note→tag).
 *  - order: insertion order, not sorted (sort before printing if you need a stable file).
 *
 * Decisions:
 *  - coverage: a service is covered when a note mentions it or one of its features ("SageMaker Feature
 *    Store" covers Amazon SageMaker AI); mentioning the parent does not cover an in-scope feature.
 *  - getMentions lists mentions of the entity and of its features (≤ 500 snippets, one per line); best =
 *    the section that covers it most (see queries.ts).
 *  - overlap: notes/sections must mention every compared service/concept; tag/domain/note ids narrow the
 *    notes. Shortest paths never pass through tags, through domains only when nothing else connects.
 *  - renamed: a former name that is only the start of the current one ("Amazon SageMaker" → "Amazon
 *    SageMaker AI") is not reported.
 *  - search: node hits (exact > vendor-less exact > prefix > word prefixes > acronym > substring >
 *    subsequence; aliases ×0.97, tags ×0.9) then text hits (one per note, ≥ a third of the slots when
 *    both exist). Text hits come from a MiniSearch index (fulltext.ts) built in the background from the
 *    first query; until it is complete, from a scan calling getLines for every note: keep getLines cached.
 *
 * Costs: setNote/removeNote O(mentions + tags + links + Σ entity pairs per section of that note); the
 * builder patches its node and edge arrays in place, and graph() after a change copies the array(s) that
 * changed (one memory copy, no object rebuilding). A big graph's display graph (liveDisplay.ts) follows the
 * builder's changes without that copy.
 * Queries build an adjacency index lazily once per Graph object; centrality is exact up to 3000 nodes,
 * sampled (deterministic) above, normalized so the top node has betweenness 1.
 */
import type {
  ConfusedPair,
  EntityMentions,
  ExamInfo,
  Graph,
  OverlapResult,
  RenamedUse,
  SearchHit,
} from '../types'
import type { Centrality, Neighbourhood } from '../../shared/contract'
import { examByCode, examOverlap, exams } from '../exams'
import { neighbourhood, type NeighbourhoodOptions } from './adjacency'
import type { GraphBuilder } from './builder'
import { centrality } from './centrality'
import { confusedPairs, coverageGaps, getMentions, overlap, renamed } from './queries'
import { search } from './search'
import { FullTextIndex } from './fulltext'
import type { GetLines } from './snippets'
import type { CompareResult, Confusables } from '../compare/types'
import { compare, confusables, familyOf } from '../compare/index'
import { examOverlapOf, type ExamOverlap } from '../compare/examOverlap'

export { GraphBuilder, MAX_REFS, type GraphDelta } from './builder'
export { edgeId, noteId, tagId, domainId, isEntityId } from './ids'
export { indexGraph, neighbourhood, shortestPath, type NeighbourhoodOptions } from './adjacency'
export { centrality } from './centrality'
export { search, scoreName } from './search'
export { plainText, snippetAt, type GetLines } from './snippets'
export { confusedPairs, coverageGaps, getMentions, overlap, renamed, type NotesSource } from './queries'
export { exams, examOverlap, examByCode, domainLabel, EXAM_FACTS } from '../exams'

export interface GraphQueries {
  graph(): Graph
  neighbourhood(id: string, depth: number, opts?: NeighbourhoodOptions): Neighbourhood
  overlap(ids: string[]): OverlapResult
  centrality(): Centrality
  getMentions(entityId: string): EntityMentions
  exams(): ExamInfo[]
  coverageGaps(examCode: string): string[]
  renamed(): RenamedUse[]
  search(query: string, limit: number): SearchHit[]
  /** the folder is closed: stop background work (the full-text index build) */
  stop(): void
  confusedPairs(limit?: number): ConfusedPair[]
  /** decision card + ranked neighbours (electron/core/compare) */
  compare(ids: string[]): CompareResult
  /** confusable groups and "often confused" pairs; cached until a note changes */
  confusables(): Confusables
  /** exam overlap with family matches (Kinesis ~ Kinesis Data Streams), for the exam overlay */
  examOverlapDetail(a: string, b: string): ExamOverlap
  /** service ids in scope of both exams */
  examOverlap(a: string, b: string): string[]
}

/** Query facade over a live builder; renamed() is cached until a note changes. */
const relatedCache = new WeakMap<Graph, Map<string, number>>()
/** Sections that mention both entities: the weight of their related edge. */
function relatedWeight(graph: Graph, a: string, b: string): number {
  let m = relatedCache.get(graph)
  if (!m) {
    m = new Map()
    for (const e of graph.edges) if (e.type === 'related') m.set(e.id, e.weight ?? 1)
    relatedCache.set(graph, m)
  }
  const [x, y] = a < b ? [a, b] : [b, a]
  return m.get(`related:${x}->${y}`) ?? 0
}

export function createGraphQueries(builder: GraphBuilder, getLines: GetLines): GraphQueries {
  let renamedCache: { version: number; value: RenamedUse[] } | undefined
  let confusablesCache: { version: number; value: Confusables } | undefined
  const notesSource = builder
  const fulltext = new FullTextIndex({ notes: () => builder.notes(), get notesVersion() { return builder.notesVersion }, getLines })
  return {
    stop: () => fulltext.stop(),
    graph: () => builder.graph(),
    neighbourhood: (id, depth, opts) => neighbourhood(builder.graph(), id, depth, opts),
    overlap: (ids) => overlap(builder.graph(), notesSource, ids, getLines),
    centrality: () => centrality(builder.graph()),
    getMentions: (id) => getMentions(notesSource, id, getLines, 500, familyOf(builder.ontology, id)),
    exams: () => exams(builder.ontology),
    coverageGaps: (code) => coverageGaps(builder.graph(), examByCode(builder.ontology, code)),
    renamed: () => {
      if (renamedCache?.version !== builder.notesVersion) {
        renamedCache = { version: builder.notesVersion, value: renamed(notesSource, builder.ontology) }
      }
      return renamedCache.value
    },
    search: (query, limit) => search({ graph: builder.graph(), notes: builder.notes(), getLines, fulltext }, query, limit),
    confusedPairs: (limit = 10) => confusedPairs(builder.graph(), limit),
    examOverlap: (a, b) => examOverlap(builder.ontology, a, b),
    examOverlapDetail: (a, b) => examOverlapOf(builder.ontology, examByCode(builder.ontology, a), examByCode(builder.ontology, b)),
    compare: (ids) => compare(builder.graph(), notesSource, builder.ontology, ids, getLines),
    confusables: () => {
      if (confusablesCache?.version !== builder.notesVersion) {
        const value = confusables({
          ontology: builder.ontology,
          notes: builder.notes(),
          getLines,
          noteCount: (id) => builder.notesMentioning(id).size,
          noteTitle: (p) => builder.note(p)?.title ?? p,
          together: (a, b) => relatedWeight(builder.graph(), a, b),
        })
        confusablesCache = { version: builder.notesVersion, value }
      }
      return confusablesCache.value
    },
  }
}
