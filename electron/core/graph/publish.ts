// Versioned graph changes for the renderer. The host remembers the graph it last handed out (by getGraph or
// a change event) and its version; every later graph goes out as the delta from it, with the next version,
// so a page that missed one sees the gap and asks for the whole graph again. The delta is the builder's own
// (takeDelta) when the builder's base is the graph sent, else computed by diffGraphs: whoever emits a graph,
// a delta is what travels. The whole graph travels only when a folder is opened or reloaded.
import type { Graph, GraphChange, GraphDelta } from '../types'
import type { GraphBuilder } from './builder'
import { diffGraphs, sameDiagnostics } from './delta'

/** A graph to publish: the host's side of a change, before it becomes a delta. */
export interface GraphUpdate {
  folder: string
  changed: string[]
  graph: Graph
  /** a folder was opened or reloaded: send the whole graph */
  full?: boolean
}

/**
 * The builder behind the graph, when it tracks deltas: `deltaBase` is its graph at its last takeDelta(). Also
 * a big graph's live display graph (graph/liveDisplay.ts), which tracks its own deltas the same way.
 */
export interface DeltaSource {
  builder: Pick<GraphBuilder, 'graph' | 'takeDelta'>
  deltaBase?: Graph
}

/** `graph` is the builder's (or its `partial` copy while a progressive open runs: the same node and edge lists). */
function isBuilders(built: Graph, graph: Graph): boolean {
  return built === graph || (graph.partial === true && graph.nodes === built.nodes && graph.edges === built.edges && graph.diagnostics === built.diagnostics)
}

export class ChangePublisher {
  private version = 0
  private sent: Graph | null = null

  constructor(private readonly send: (c: GraphChange) => void) {}

  /** The version of the last change sent (0 before any). */
  get current(): number { return this.version }

  /** The graph with the version it is at, for getGraph; a change not yet sent to others is sent first. */
  versioned(graph: Graph, folder: string, src?: DeltaSource): Graph {
    if (this.sent === null) this.sent = graph // nobody holds an older one
    else if (this.sent !== graph) this.publish({ folder, changed: [], graph }, src)
    return { ...graph, version: this.version }
  }

  /** `from` was sent and `to` has the same content (a warm start's snapshot, then the builder's graph). */
  rebase(from: Graph, to: Graph): void {
    if (this.sent === from) this.sent = to
  }

  publish(u: GraphUpdate, src?: DeltaSource): GraphChange | null {
    const prev = this.sent
    const fromBuilder = src !== undefined && isBuilders(src.builder.graph(), u.graph)
    if (u.full || prev === null) {
      if (fromBuilder) { src.builder.takeDelta(); src.deltaBase = u.graph }
      return this.emit({ folder: u.folder, changed: u.changed, version: 0, graph: u.graph }, u.graph)
    }
    if (prev === u.graph && u.changed.length === 0) return null
    let delta: GraphDelta
    if (fromBuilder && src.deltaBase === prev) {
      delta = src.builder.takeDelta()
      if (!sameDiagnostics(prev.diagnostics, u.graph.diagnostics)) delta.diagnostics = u.graph.diagnostics
    } else {
      delta = diffGraphs(prev, u.graph)
      if (fromBuilder) src.builder.takeDelta() // its base moves to this graph too
    }
    if (fromBuilder) src.deltaBase = u.graph
    // graph-level facts travel with the delta: still partial (a progressive open), what a display graph leaves out
    if (u.graph.partial) delta.partial = true
    if (u.graph.display) delta.display = u.graph.display
    return this.emit({ folder: u.folder, changed: u.changed, version: 0, delta }, u.graph)
  }

  private emit(c: GraphChange, graph: Graph): GraphChange {
    c.version = ++this.version
    this.sent = graph
    this.send(c)
    return c
  }
}
