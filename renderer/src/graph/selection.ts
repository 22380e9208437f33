// The selected node: kept in Cytoscape's `:selected` state (for tests and exports) without a redraw, and
// drawn by the selection overlay (selectionOverlay.ts) instead of a restyle of every element.
import type { Core } from 'cytoscape'
import { withoutRedraws } from './cyPrivate'
import type { GraphState } from './graphState'
import { SelectionOverlay } from './selectionOverlay'
import type { ThemeName } from './style'
import { overlayColours } from './style'

export class Selection {
  private selectedId: string | null = null
  private overlay: SelectionOverlay | null = null

  constructor(private readonly state: GraphState) {}

  attach(core: Core | null, theme: ThemeName): void {
    this.overlay?.destroy()
    this.overlay = core ? new SelectionOverlay(core, overlayColours(theme)) : null
  }

  setTheme(theme: ThemeName): void { this.overlay?.setColours(overlayColours(theme)) }

  selected(): string | null { return this.selectedId }

  /** Set the selection (unknown ids clear it); returns the id now selected. */
  set(id: string | null): string | null {
    this.selectedId = id && this.state.byId.has(id) ? id : null
    return this.selectedId
  }

  /** The graph changed: a selected node that is gone is no longer selected. */
  dropIfGone(): void {
    if (this.selectedId && !this.state.byId.has(this.selectedId)) this.selectedId = null
  }

  /** Mark the selected node in the core (quietly) and on the overlay. */
  show(): void {
    const cy = this.state.core
    if (!cy || cy.destroyed()) return
    withoutRedraws(cy, () => {
      cy.$(':selected').unselect()
      if (this.selectedId) cy.getElementById(this.selectedId).select()
    })
    this.overlay?.show(this.selectedId)
  }
}
