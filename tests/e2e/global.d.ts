import type { Core } from 'cytoscape'

declare global {
  interface Window {
    cy?: Core
    __xss?: number
  }
}
export {}
