// Entry: ask for the graph (and the few settings launch needs) first, then load the app. The app's chunk
// (React, Cytoscape) takes ~150 ms to compile and run; the graph request, launch's slowest wait, runs meanwhile.
// The page's styles come with the app (boot.tsx): one stylesheet, so index.html's first requests fit the
// browser's six connections to the host at once.
import { prefetchLaunch } from './api'
import { mark } from './graph/graphState'

mark('phase:entry')
prefetchLaunch()
void import('./boot')
