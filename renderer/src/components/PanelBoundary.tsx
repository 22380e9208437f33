// An error boundary for one panel: when the panel throws while rendering, it alone is replaced by a
// message that says what failed (with a retry), and the graph and the other panels keep working.
import { Component, type ErrorInfo, type ReactNode } from 'react'
import './panels.css'

interface Props {
  /** the panel's name, as the user knows it ("Note", "Explore") */
  name: string
  /** when this value changes (another note, another folder) the panel gets a fresh try */
  resetKey?: unknown
  /** wrapper class, so the message sits where the panel would have been */
  className?: string
  children: ReactNode
}

interface State {
  error: Error | null
  key: unknown
}

export class PanelBoundary extends Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // moving on (e.g. opening another note) clears the failure
    return Object.is(props.resetKey, state.key) ? null : { key: props.resetKey, error: null }
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.name} panel failed:`, error, info.componentStack)
  }

  render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div className={`panel-error ${this.props.className ?? ''}`} role="alert" aria-label={`${this.props.name} panel error`}>
        <p><strong>The {this.props.name.toLowerCase()} panel failed.</strong> The graph still works.</p>
        <p className="panel-error-detail">{error.message || error.name}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>
      </div>
    )
  }
}
