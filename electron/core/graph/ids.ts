// Node and edge id conventions shared by the builder and the queries.
import type { EdgeType } from '../types'

export const noteId = (path: string): string => `note:${path}`
export const tagId = (tag: string): string => `tag:${tag}`
export const domainId = (domain: string): string => `domain:${domain}`

/** `${type}:${source}->${target}`; for `related` the endpoints are sorted so the id does not depend on order. */
export function edgeId(type: EdgeType, source: string, target: string): string {
  if (type === 'related' && target < source) [source, target] = [target, source]
  return `${type}:${source}->${target}`
}

export const isEntityId = (id: string): boolean => id.startsWith('service:') || id.startsWith('concept:')
export const pathOfNoteId = (id: string): string | undefined => (id.startsWith('note:') ? id.slice(5) : undefined)
