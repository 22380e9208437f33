// The React app, loaded by main.tsx after it has asked for the graph. Its styles first: one stylesheet for the page.
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { mark } from './graph/graphState'

mark('phase:app-evaluated')
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
