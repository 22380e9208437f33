// Exploration features: search, filters + local graph, compare, exam overlay, renamed services,
// layouts/size/export, open folder, and the view state in the URL hash.
//
// How App.tsx mounts them, once the graph view exists (controller = the GraphView's GraphController):
//   import { Explore } from './features'
//   <Explore controller={controller} graph={graph} api={api} />
// That renders a sidebar (<aside aria-label="Explore">) with the search field (aria-label="Search",
// Ctrl/Cmd+K) on top and tabbed panels below (the compare panel is aria-label="Compare"). It also runs
// the URL-hash sync (useHashState), pushes filters/layout/size to the graph (useGraphSync) and takes a
// folder dropped on the window. To put the search elsewhere (e.g. a header), render
//   <Search controller={…} graph={…} api={…} />  there and  <Explore … showSearch={false} />.
// Mount Explore only once, after the graph has loaded (graph.nodes may be empty before; it waits).
import './features.css'

export { Explore } from './Explore'
export { Search } from './Search'
export { Filters } from './Filters'
// Compare, ExamOverlay, Renamed and ViewPanel are loaded on demand (../lazyPanels.ts): import them from their files
export { ViewSwitch } from './ViewSwitch'
export { FolderPanel, openFolder } from './FolderPanel'
export { useHashState } from './useHashState'
export { useGraphSync } from './useGraphSync'
export { exploreStore, useExplore } from './store'
export type { FeatureProps } from './types'
