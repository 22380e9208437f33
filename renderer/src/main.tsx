// Entry: ask for the graph (and the few settings launch needs) first, then load the app. The app's bundle (React, Cytoscape, markdown) takes
// ~150 ms to compile and run; the request for the graph, the slowest thing launch waits for, runs meanwhile.
import { prefetchLaunch } from './api'
import './styles.css'

prefetchLaunch()
void import('./boot')
