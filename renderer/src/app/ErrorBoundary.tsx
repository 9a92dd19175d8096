import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Trans } from 'react-i18next'

interface Props {
  children: ReactNode
  onReset: () => void
}

/** Catches render errors: the visitor sees a calm message and a restart button, never a stack trace. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Kiosk screen failed', error, info.componentStack)
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <main className="screen screen--center" role="alert">
        <h1 className="title">
          <Trans i18nKey="error.title" />
        </h1>
        <p className="lead">
          <Trans i18nKey="error.body" />
        </p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            this.setState({ failed: false })
            this.props.onReset()
          }}
        >
          <Trans i18nKey="error.restart" />
        </button>
      </main>
    )
  }
}
