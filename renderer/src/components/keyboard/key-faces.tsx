import type { ReactNode } from 'react'
import { variantsOf } from './diacritics'
import {
  BackspaceIcon,
  CapsLockIcon,
  DoneIcon,
  HideKeyboardIcon,
  NewLineIcon,
  NextIcon,
  ShiftIcon,
} from './icons'
import { SCRIPT_CAPTION, type KeyboardLabels } from './labels'
import { nextScript, type Action, type Layer, type Script } from './layouts'

export type Shift = 'off' | 'once' | 'lock'

/** A letter, digit or snippet; letters with accents show a faint hint of their first variant. */
export function CharCaption({ text }: { text: string }) {
  const hint = /\p{L}/u.test(text) ? variantsOf(text)[0] : undefined
  return (
    <>
      <span className="osk__glyph">{text}</span>
      {hint && (
        <span className="osk__hint" aria-hidden="true">
          {hint}
        </span>
      )}
    </>
  )
}

export interface ActionLook {
  content: ReactNode
  className: string
  name: string
  pressed?: boolean
}

/** How an action key looks and what a screen reader calls it, in the keyboard's current state. */
export function actionLook(
  name: Action,
  state: {
    labels: KeyboardLabels
    shift: Shift
    layer: Layer
    script: Script
    enterKind: 'newline' | 'next' | 'done'
  },
): ActionLook {
  const { labels } = state
  switch (name) {
    case 'shift':
      return {
        content:
          state.shift === 'lock' ? <CapsLockIcon /> : <ShiftIcon filled={state.shift === 'once'} />,
        className: `osk__key--action osk__key--shift${state.shift === 'lock' ? ' is-locked' : ''}`,
        name: state.shift === 'lock' ? labels.capsLock : labels.shift,
        pressed: state.shift !== 'off',
      }
    case 'backspace':
      return { content: <BackspaceIcon />, className: 'osk__key--action', name: labels.backspace }
    case 'space':
      return {
        content: <span className="osk__caption">{labels.space}</span>,
        className: 'osk__key--space',
        name: labels.space,
      }
    case 'enter': {
      const [icon, text, fullName] =
        state.enterKind === 'newline'
          ? [<NewLineIcon key="icon" />, labels.newLine, labels.newLine]
          : state.enterKind === 'next'
            ? [<NextIcon key="icon" />, labels.next, labels.nextField]
            : [<DoneIcon key="icon" />, labels.done, labels.done]
      return {
        content: (
          <>
            <span className="osk__caption">{text}</span>
            {icon}
          </>
        ),
        className: 'osk__key--enter',
        name: fullName,
      }
    }
    case 'hide':
      return { content: <HideKeyboardIcon />, className: 'osk__key--action', name: labels.hide }
    case 'symbols':
      return {
        content: <span className="osk__caption">?123</span>,
        className: 'osk__key--action',
        name: labels.symbols,
      }
    case 'letters':
      return {
        content: <span className="osk__caption">{SCRIPT_CAPTION[state.script]}</span>,
        className: 'osk__key--action',
        name: labels.letters,
      }
    case 'accents':
      return {
        content: <span className="osk__caption">áé</span>,
        className: 'osk__key--action',
        name: labels.accents,
        pressed: state.layer === 'accents',
      }
    case 'script': {
      const to = nextScript(state.script)
      return {
        content: <span className="osk__caption">{SCRIPT_CAPTION[to]}</span>,
        className: 'osk__key--action',
        name: labels.switchTo[to],
      }
    }
  }
}
