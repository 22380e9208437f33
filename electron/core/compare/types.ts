// What Compare and "often confused" return through the contract. Plain data (JSON and structured clone).
import type { Snippet } from '../types'

/** Where a line of the card comes from: the note line it was read from. */
export interface CardSource {
  path: string
  line: number
  /** section title, for the tooltip */
  sectionTitle: string
}

/** One fact: "Latency: Real time (sub-second)". */
export interface CardFact {
  /** may be empty: a plain statement */
  label: string
  value: string
  /** set when the fact is about a feature of the item ("Kinesis Data Streams") */
  via?: string
  source: CardSource
}

/** One "choose it when" cue, e.g. "load streaming data into S3 or Redshift with the least effort". */
export interface CardCue {
  text: string
  /** where the cue came from: an exam tip, a table column ("Pick when"), or a sentence of the notes */
  kind: 'tip' | 'table' | 'text'
  /** set when the cue names a feature of the item rather than the item ("Kinesis Data Streams") */
  via?: string
  source: CardSource
}

export interface DecisionItem {
  id: string
  label: string
  /** one line: what it is */
  summary: string
  summarySource?: CardSource
  facts: CardFact[]
  chooseWhen: CardCue[]
}

export interface RankedNeighbour {
  id: string
  /** specificity-weighted strength (higher = more telling); for display order only */
  score: number
}

export interface CompareResult {
  ids: string[]
  /** one column per compared id, in the order asked */
  items: DecisionItem[]
  /** sections that discuss all compared items (or their features), with a snippet where they meet */
  together: Snippet[]
  /** notes that mention all compared items */
  notes: string[]
  /** at most 12, most specific first (a hub every service touches ranks last or not at all) */
  shared: RankedNeighbour[]
  /** id → at most 12 neighbours only that item has among the compared ones, most specific first */
  unique: Record<string, RankedNeighbour[]>
  /** shortest paths between each pair */
  paths: string[][]
  /** per compared id, in order: it, its features and the services renamed out of its name (familiesOf) */
  families: string[][]
}

export interface ConfusableEvidence {
  kind: 'table' | 'vs' | 'family'
  /** e.g. the section title of the table, the "X vs Y" heading, or "Amazon Kinesis family" */
  text: string
  path?: string
  line?: number
}

export interface ConfusableGroup {
  /** entity ids, 2–8 */
  members: string[]
  evidence: ConfusableEvidence[]
}

export interface OftenConfusedPair {
  a: string
  b: string
  /** evidence points: vs headings 3, comparison tables 2, name families 1 */
  score: number
  /** short reason to show, e.g. "compared in a table in 1.3 Data Ingestion on AWS" */
  reason: string
}

export interface Confusables {
  groups: ConfusableGroup[]
  pairs: OftenConfusedPair[]
}
