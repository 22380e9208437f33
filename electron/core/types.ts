// Domain types shared by the core, the main process, the web host and the renderer.
// Plain data only: everything here must survive structured clone and JSON.

export type NodeType = 'domain' | 'note' | 'service' | 'concept' | 'tag'
export type EdgeType = 'contains' | 'mentions' | 'part-of' | 'related' | 'links-to' | 'tagged'
export type Severity = 'error' | 'warning' | 'info'

export interface GraphNode {
  /** Stable id: `domain:D1`, `note:D1_x/1.1_a.md`, `service:aws-glue`, `concept:overfitting`, `tag:streaming` */
  id: string
  type: NodeType
  /** Canonical name for services/concepts, title for notes, "Domain 1: …" for domains */
  label: string
  /** note nodes: path relative to the folder, forward slashes */
  path?: string
  /** note nodes: `D1`..`D4` when known; domain nodes: their own id suffix */
  domain?: string
  /** service/concept nodes: category from the ontology */
  category?: string
  /** feature nodes: id of the parent service (e.g. `service:amazon-sagemaker-ai`) */
  parent?: string
  /** service/concept nodes: aliases, for search */
  aliases?: string[]
  /** number of notes that mention this node (services/concepts) */
  noteCount?: number
}

export interface EdgeMentionRef {
  line: number
  section: string
}

export interface GraphEdge {
  id: string
  source: string
  target: string
  type: EdgeType
  weight?: number
  /** mentions edges: where in the note (first 50 at most) */
  refs?: EdgeMentionRef[]
}

export interface Diagnostic {
  /** path relative to the folder, or '' for folder-level problems */
  file: string
  line?: number
  severity: Severity
  /** stable machine code, e.g. `yaml-invalid`, `binary-file`, `link-outside` */
  code: string
  message: string
}

export interface Graph {
  nodes: GraphNode[]
  edges: GraphEdge[]
  diagnostics: Diagnostic[]
  /** set when this is a big graph's drawable subset (core/graph/displayGraph.ts): what was left out */
  display?: DisplayInfo
  /** getGraph: the version of the change events this graph is at (a delta for version + 1 applies to it) */
  version?: number
  /** true while the folder is still being indexed: every note and link is there, services and concepts join */
  partial?: boolean
}

/** A display graph keeps every node, the structural edges, and each node's strongest co-mention edges. */
export interface DisplayInfo {
  /** edges of the full graph */
  totalEdges: number
  /** edges left out, per kind */
  omitted: Partial<Record<EdgeType, number>>
  /** per node and kind, how many of its strongest edges were kept */
  perNode: Partial<Record<EdgeType, number>>
}

export interface Section {
  /** slug id unique within the note, usable as an anchor */
  id: string
  title: string
  depth: number
  /**
   * 1-based first line of the heading, and last line of the section body. All line numbers in NoteMeta
   * (sections, links, mentions) are FILE lines, frontmatter included; see NoteDoc.lineOffset.
   */
  line: number
  endLine: number
  /** parent section id, undefined for top level */
  parent?: string
}

export interface Mention {
  /** id of the service or concept node */
  entity: string
  /** the text as written in the note */
  text: string
  line: number
  column: number
  /** section id (see Section.id) or '' before the first heading */
  section: string
}

export interface NoteLink {
  /** raw target as written */
  target: string
  kind: 'markdown' | 'wikilink'
  line: number
  /** resolved note path relative to the folder, when it resolves to a note */
  resolved?: string
}

/** What the core knows about one note (no body text). */
export interface NoteMeta {
  path: string
  title: string
  domain?: string
  tags: string[]
  sections: Section[]
  links: NoteLink[]
  mentions: Mention[]
  size: number
  mtimeMs: number
  hash: string
}

/** One note as the reader panel needs it. */
/**
 * A note as the reader shows it. Its mentions are left out (getMentions answers per entity): they are about
 * half of the JSON of a note, and every click that opens a note waits for it.
 */
export interface NoteDoc extends Omit<NoteMeta, 'mentions'> {
  /** markdown source without the frontmatter block */
  markdown: string
  /** number of lines the stripped frontmatter took, so markdown line N is file line N + offset */
  lineOffset: number
}

export interface Snippet {
  path: string
  noteTitle: string
  section: string
  sectionTitle: string
  line: number
  /** one or two sentences of plain text around the hit */
  text: string
}

export interface EntityMentions {
  entity: string
  /** the note + section that covers the entity most (most mentions, then earliest) */
  best?: { path: string; section: string; line: number }
  mentions: Snippet[]
}

export interface OverlapResult {
  ids: string[]
  /** sections that mention all of the ids, with snippets */
  sections: Snippet[]
  /** notes that mention all of the ids */
  notes: string[]
  sharedNeighbours: string[]
  /** id → neighbours only that node has among the compared ones */
  unique: Record<string, string[]>
  /** shortest paths between each pair (node id sequences) */
  paths: string[][]
}

export interface ExamDomain {
  id: string
  name: string
  weight: number
}

export interface ExamInfo {
  code: string
  name: string
  domains: ExamDomain[]
  /** service node ids in scope */
  inScope: string[]
  /** in-scope service names that the ontology does not know (should be empty) */
  unknownInScope: string[]
}

export interface RenamedUse {
  path: string
  line: number
  oldName: string
  currentName: string
  entity: string
}

export interface SearchHit {
  kind: 'node' | 'text'
  id: string
  label: string
  score: number
  /** for text hits */
  snippet?: Snippet
}

export interface FolderInfo {
  folder: string
  /** true when the folder is the bundled content */
  bundled: boolean
  noteCount: number
}

export interface IndexProgress {
  done: number
  total: number
  phase: 'scan' | 'parse' | 'graph' | 'ready'
}

export interface GraphChange {
  folder: string
  /** paths that changed (relative); empty on a full reload */
  changed: string[]
  /** the graph's version after this change; a delta turns version - 1 into it */
  version: number
  /** the whole graph: when a folder is opened or reloaded */
  graph?: Graph
  /** every other change: what differs from version - 1 (see core/graph/delta.ts) */
  delta?: GraphDelta
}

/** Net changes from one version of the graph to the next. Order: updated in place, added appended. */
export interface GraphDelta {
  addedNodes: GraphNode[]
  updatedNodes: GraphNode[]
  removedNodes: string[]
  addedEdges: GraphEdge[]
  updatedEdges: GraphEdge[]
  removedEdges: string[]
  /** present when the diagnostics changed (then the whole new list) */
  diagnostics?: Diagnostic[]
  /** the graph after this delta is still partial (a progressive open) */
  partial?: boolean
  /** the graph after this delta is a big graph's display subset: what it leaves out */
  display?: DisplayInfo
}

/** Two services of the same category whose neighbourhoods overlap a lot ("often confused"). */
export interface ConfusedPair {
  a: string
  b: string
  category: string
  /** Jaccard similarity of their neighbour sets (notes, services, concepts), 0..1 */
  jaccard: number
  /** number of shared neighbours */
  shared: number
  /** sections that mention both (weight of their related edge) */
  together: number
}
