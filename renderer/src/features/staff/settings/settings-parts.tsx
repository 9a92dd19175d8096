import type { ReactNode } from 'react'

/** The answer to the last action of a card: `null` until there is one. */
export type Status = { kind: 'ok' | 'error'; text: string } | null

/** One card of the settings page: a section named by its heading (`settings-<name>`). */
export function SettingsCard(props: { name: string; title: ReactNode; children: ReactNode }) {
  const headingId = `settings-${props.name}`
  return (
    <section
      className={`card settings__card settings__card--${props.name}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="card__title">
        {props.title}
      </h2>
      {props.children}
    </section>
  )
}

/**
 * The status line of a card: an error is announced as an alert, anything else politely. Without a
 * status it shows `idleText` when one is given (the line stays in place), and nothing otherwise.
 */
export function StatusLine(props: { status: Status; idleText?: string; testId?: string }) {
  const { status, idleText, testId } = props
  if (!status && idleText === undefined) return null
  return (
    <p
      className={`settings__status settings__status--${status?.kind ?? 'none'}`}
      role={status?.kind === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {status?.text ?? idleText}
    </p>
  )
}
