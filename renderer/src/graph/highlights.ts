// Named highlight groups ('compare', 'exam', 'path', …) as classes on their elements. Only elements that
// carry a group class are touched when groups change, so clearing them never scans the whole graph.
import type { GraphState } from './graphState'

export class Highlights {
  private groups = new Map<string, Set<string>>()
  /** ids of elements that carry highlight-group classes */
  private classed = new Set<string>()

  constructor(private readonly state: GraphState) {}

  /** Set a group's ids (null or none: drop the group); false when the group already held exactly these. */
  set(group: string, ids: string[] | null): boolean {
    if (!ids || ids.length === 0) return this.groups.delete(group)
    const next = new Set(ids)
    const cur = this.groups.get(group)
    if (cur && cur.size === next.size && [...next].every((id) => cur.has(id))) return false
    this.groups.set(group, next)
    return true
  }

  /** names of the groups in use (the legend explains them) */
  active(): string[] { return [...this.groups.keys()] }

  /** ids in any group (labels go to them first) */
  highlighted(): ReadonlySet<string> { return this.classed }
  any(): boolean { return this.groups.size > 0 }

  /** Put the group classes on the elements; call inside a batch. */
  apply(): void {
    const cy = this.state.core
    if (!cy) return
    for (const id of this.classed) {
      const el = cy.getElementById(id)
      if (el.empty()) continue
      const classes = el.classes().filter((c) => c.startsWith('g-') || c === 'hl-any')
      if (classes.length > 0) el.removeClass(classes.join(' '))
    }
    this.classed.clear()
    for (const [group, ids] of this.groups) {
      for (const id of ids) {
        const el = cy.getElementById(id)
        if (el.empty()) continue
        el.addClass(`g-${group} hl-any`)
        this.classed.add(id)
      }
    }
    // the exam overlay: services out of the exam's scope are dimmed (in-scope ones keep their colour)
    const scope = this.groups.get('exam')
    cy.nodes('[type = "service"]').forEach((n) => {
      const out = scope !== undefined && !scope.has(n.id())
      if (out !== n.hasClass('scope-out')) n.toggleClass('scope-out', out)
    })
    // while something is highlighted, only highlighted nodes and the big hubs keep their labels
    const quiet = this.groups.size > 0 && !this.state.big
    if (quiet || cy.nodes('.quiet').nonempty()) {
      cy.nodes().forEach((n) => {
        const q = quiet && !this.classed.has(n.id())
        if (q !== n.hasClass('quiet')) n.toggleClass('quiet', q)
      })
    }
  }
}
