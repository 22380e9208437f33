// Entry: ask for the graph first, then load the app. The app's bundle (React, Cytoscape, markdown) takes
// ~150 ms to compile and run; the request for the graph, the slowest thing launch waits for, runs meanwhile.
import { prefetchGraph } from './api'
import './styles.css'

prefetchGraph()
void import('./boot')
