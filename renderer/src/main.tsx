// Entry: ask for the graph (and the few settings launch needs) first, then load the app. The app's chunk
// (React, Cytoscape) takes ~150 ms to compile and run; the graph request, launch's slowest wait, runs meanwhile.
import { prefetchLaunch } from './api'
import './styles.css'
import { mark } from './graph/graphState'

mark('phase:entry')
prefetchLaunch()
void import('./boot')
