import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
  type SyntheticEvent,
} from 'react'
import { useTranslation } from 'react-i18next'
import { variantsOf } from './diacritics'
import { shouldAutoShift } from './editing'
import {
  asTextField,
  editField,
  enterKindOf,
  fieldKindOf,
  nextField,
  revealAboveKeyboard,
  type TextField,
} from './fieldDom'
import {
  BackspaceIcon,
  CapsLockIcon,
  DoneIcon,
  HideKeyboardIcon,
  NewLineIcon,
  NextIcon,
  ShiftIcon,
} from './icons'
import { labelsFor, SCRIPT_CAPTION, type KeyboardLabels } from './labels'
import {
  buildLayout,
  defaultScript,
  initialLayer,
  nextScript,
  type Action,
  type FieldKind,
  type KeySpec,
  type Layer,
  type Script,
} from './layouts'
import './keyboard.css'

type Shift = 'off' | 'once' | 'lock'

interface Popup {
  variants: readonly string[]
  label: string
  /** Centre of the pressed key, relative to the keyboard's left edge. */
  x: number
  /** Distance from the keyboard's bottom edge to just above the pressed key. */
  bottom: number
}

interface PressSession {
  timer: number
  repeat: number
  cleanup: () => void
}

const LONG_PRESS_MS = 450
const REPEAT_DELAY_MS = 500
const REPEAT_EVERY_MS = 70
const DOUBLE_TAP_MS = 400

function autoShiftFor(field: TextField, kind: FieldKind): boolean {
  let caret: number | null = null
  try {
    caret = field.selectionStart
  } catch {
    caret = null
  }
  return shouldAutoShift(kind, field.value, caret, field.autocapitalize)
}

/** The variant under a pointer, when it is over the long-press popup. */
function variantAt(event: PointerEvent): string | null {
  const element = document.elementFromPoint(event.clientX, event.clientY)
  return element?.closest<HTMLElement>('[data-variant]')?.dataset.variant ?? null
}

const keepFocus = (event: SyntheticEvent) => event.preventDefault()

const width = (units: number) => ({ '--w': units }) as CSSProperties

/**
 * The kiosk's built-in touch keyboard. Mounted once at the app root, it opens docked at the
 * bottom whenever a text field has focus and types into that field as a keystroke would, so
 * React state and react-hook-form see every change. It keeps no copy of what is typed: each key
 * press reads the field, edits it, and forgets it.
 *
 * While open it sets `--osk-height` on the root element (and `data-osk="open"`), so screens can
 * pad their bottom and the focused field can be scrolled above the keys.
 */
export function OnScreenKeyboard() {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? i18n.language ?? 'en'
  const labels = labelsFor(language)

  const [field, setField] = useState<TextField | null>(null)
  const [kind, setKind] = useState<FieldKind>('text')
  const [dismissed, setDismissed] = useState(false)
  const [layer, setLayer] = useState<Layer>('letters')
  const [chosenScript, setChosenScript] = useState<Script | null>(null)
  const [shift, setShift] = useState<Shift>('off')
  const [popup, setPopup] = useState<Popup | null>(null)
  const [highlight, setHighlight] = useState<string | null>(null)

  const rootRef = useRef<HTMLDivElement>(null)
  const popupRef = useRef<HTMLDivElement>(null)
  /** The focused field, for the document listeners. An element reference, never its text. */
  const fieldRef = useRef<TextField | null>(null)
  const sessionRef = useRef<PressSession | null>(null)
  const swallowClickRef = useRef(false)
  const lastShiftTapRef = useRef(0)

  // Follow focus through the whole document: open on text fields, close when focus goes elsewhere.
  useEffect(() => {
    let pointerIsDown = false
    let closeAfterPointer = false
    let closeTimer = 0

    const open = (element: TextField) => {
      closeAfterPointer = false
      window.clearTimeout(closeTimer)
      if (fieldRef.current !== element) {
        fieldRef.current = element
        const nextKind = fieldKindOf(element)
        setField(element)
        setKind(nextKind)
        setLayer(initialLayer(nextKind))
        setShift(autoShiftFor(element, nextKind) ? 'once' : 'off')
      }
      setDismissed(false)
      setPopup(null)
    }
    const closeIfFocusLeft = () => {
      const active = document.activeElement
      if (asTextField(active) || rootRef.current?.contains(active)) return
      fieldRef.current = null
      setField(null)
      setPopup(null)
      setDismissed(false)
    }
    const scheduleClose = () => {
      // A mouse press on a button moves focus on mousedown, but the click comes on mouseup:
      // hiding the keyboard in between would move the page under the pointer and lose the click.
      if (pointerIsDown) {
        closeAfterPointer = true
        return
      }
      window.clearTimeout(closeTimer)
      closeTimer = window.setTimeout(closeIfFocusLeft, 0)
    }
    const onFocusIn = (event: FocusEvent) => {
      const element = asTextField(event.target)
      if (element) open(element)
      else if (!rootRef.current?.contains(event.target as Node | null)) scheduleClose()
    }
    const onPointerDown = (event: PointerEvent) => {
      pointerIsDown = true
      // A press anywhere but on the accents popup closes it (and still counts as a press).
      if (!popupRef.current?.contains(event.target as Node | null)) setPopup(null)
      // Tapping the focused field again brings back a keyboard the visitor hid.
      const element = asTextField(event.target)
      if (element && element === document.activeElement) open(element)
    }
    const onPointerUp = () => {
      pointerIsDown = false
      if (!closeAfterPointer) return
      closeAfterPointer = false
      window.clearTimeout(closeTimer)
      closeTimer = window.setTimeout(closeIfFocusLeft, 0)
    }
    // Keeps shift in step with the text, whether it was typed here or on a physical keyboard.
    const onInput = (event: Event) => {
      const element = fieldRef.current
      if (!element || event.target !== element) return
      const auto = autoShiftFor(element, fieldKindOf(element))
      setShift((current) => (current === 'lock' ? current : auto ? 'once' : 'off'))
    }

    document.addEventListener('focusin', onFocusIn)
    document.addEventListener('focusout', scheduleClose)
    document.addEventListener('pointerdown', onPointerDown, true)
    document.addEventListener('pointerup', onPointerUp, true)
    document.addEventListener('pointercancel', onPointerUp, true)
    document.addEventListener('input', onInput)
    return () => {
      document.removeEventListener('focusin', onFocusIn)
      document.removeEventListener('focusout', scheduleClose)
      document.removeEventListener('pointerdown', onPointerDown, true)
      document.removeEventListener('pointerup', onPointerUp, true)
      document.removeEventListener('pointercancel', onPointerUp, true)
      document.removeEventListener('input', onInput)
      window.clearTimeout(closeTimer)
      fieldRef.current = null
    }
  }, [])

  const visible = field !== null && !dismissed

  // Publish the keyboard's height and keep the focused field above it.
  useLayoutEffect(() => {
    const root = document.documentElement
    const keyboard = rootRef.current
    if (!visible || !keyboard || !field) {
      root.style.setProperty('--osk-height', '0px')
      delete root.dataset.osk
      return
    }
    const observer = new ResizeObserver(() => {
      root.style.setProperty('--osk-height', `${keyboard.offsetHeight}px`)
      root.dataset.osk = 'open'
      revealAboveKeyboard(field, keyboard.offsetHeight)
    })
    observer.observe(keyboard)
    return () => observer.disconnect()
  }, [visible, field])

  useEffect(
    () => () => {
      document.documentElement.style.removeProperty('--osk-height')
      delete document.documentElement.dataset.osk
      const session = sessionRef.current
      if (session) {
        window.clearTimeout(session.timer)
        window.clearInterval(session.repeat)
        session.cleanup()
      }
    },
    [],
  )

  // Keep the long-press popup inside the keyboard's width.
  useLayoutEffect(() => {
    const element = popupRef.current
    const keyboard = rootRef.current
    if (!popup || !element || !keyboard) return
    const margin = 8
    const left = Math.min(
      Math.max(popup.x - element.offsetWidth / 2, margin),
      keyboard.clientWidth - element.offsetWidth - margin,
    )
    element.style.left = `${Math.max(left, margin)}px`
  }, [popup])

  if (!visible) return null

  const script: Script = kind === 'email' ? 'latin' : (chosenScript ?? defaultScript(language))
  const upper = shift !== 'off'
  const layout = buildLayout({ language, script, layer, field: kind, upper })
  const enterKind = enterKindOf(field)

  const currentField = (): TextField | null => {
    const element = fieldRef.current
    if (element?.isConnected) return element
    fieldRef.current = null
    setField(null)
    return null
  }

  const type = (text: string) => {
    const element = currentField()
    if (!element) return
    editField(element, { type: 'insert', text })
    if (layer === 'accents') setLayer('letters')
  }

  const endSession = () => {
    const session = sessionRef.current
    if (!session) return
    window.clearTimeout(session.timer)
    window.clearInterval(session.repeat)
    session.cleanup()
    sessionRef.current = null
  }

  const openVariants = (button: HTMLElement, text: string) => {
    const keyboard = rootRef.current
    if (!keyboard) return
    const box = keyboard.getBoundingClientRect()
    const key = button.getBoundingClientRect()
    setHighlight(null)
    setPopup({
      variants: variantsOf(text),
      label: labels.variantsOf.replace('{letter}', text),
      x: key.left + key.width / 2 - box.left,
      bottom: box.bottom - key.top + 8,
    })
  }

  /** Starts tracking one press: long-press opens the variants, holding backspace repeats it. */
  const onKeyPointerDown = (event: ReactPointerEvent<HTMLButtonElement>, key: KeySpec) => {
    event.preventDefault()
    endSession()
    swallowClickRef.current = false
    const button = event.currentTarget
    let popupOpen = false
    const onMove = (move: PointerEvent) => {
      if (popupOpen) setHighlight(variantAt(move))
    }
    const onUp = (up: PointerEvent) => {
      if (popupOpen) {
        // Sliding from the key onto a variant and lifting the finger picks it; lifting on the
        // key itself leaves the popup open for a tap.
        const variant = variantAt(up)
        setHighlight(null)
        if (variant) {
          type(variant)
          setPopup(null)
        }
      }
      endSession()
    }
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
    window.addEventListener('pointercancel', endSession)
    const session: PressSession = {
      timer: 0,
      repeat: 0,
      cleanup: () => {
        window.removeEventListener('pointermove', onMove)
        window.removeEventListener('pointerup', onUp)
        window.removeEventListener('pointercancel', endSession)
      },
    }
    if (key.type === 'char' && variantsOf(key.text).length > 0) {
      session.timer = window.setTimeout(() => {
        popupOpen = true
        swallowClickRef.current = true
        openVariants(button, key.text)
      }, LONG_PRESS_MS)
    } else if (key.type === 'action' && key.action === 'backspace') {
      session.timer = window.setTimeout(() => {
        swallowClickRef.current = true
        const erase = () => {
          const element = currentField()
          if (element) editField(element, { type: 'backspace' })
        }
        erase()
        session.repeat = window.setInterval(erase, REPEAT_EVERY_MS)
      }, REPEAT_DELAY_MS)
    }
    sessionRef.current = session
  }

  /** Shift once on a tap, caps lock on a double tap (`time`: the click's timestamp). */
  const tapShift = (time: number) => {
    const doubleTap = time - lastShiftTapRef.current < DOUBLE_TAP_MS
    lastShiftTapRef.current = time
    setShift((current) => {
      if (current === 'lock') return 'off'
      if (current === 'once') return doubleTap ? 'lock' : 'off'
      return 'once'
    })
  }

  const enter = () => {
    const element = currentField()
    if (!element) return
    const what = enterKindOf(element)
    if (what === 'newline') editField(element, { type: 'insert', text: '\n' })
    else if (what === 'next') nextField(element)?.focus()
    else if (element.form) element.form.requestSubmit()
    else setDismissed(true)
  }

  const run = (name: Action, time: number) => {
    switch (name) {
      case 'space':
        return type(' ')
      case 'backspace': {
        const element = currentField()
        if (element) editField(element, { type: 'backspace' })
        return
      }
      case 'enter':
        return enter()
      case 'shift':
        return tapShift(time)
      case 'symbols':
        return setLayer('symbols')
      case 'letters':
        return setLayer('letters')
      case 'accents':
        return setLayer((current) => (current === 'accents' ? 'letters' : 'accents'))
      case 'script':
        setChosenScript(nextScript(script))
        return setLayer('letters')
      case 'hide':
        setPopup(null)
        return setDismissed(true)
    }
  }

  const onKeyClick = (key: KeySpec, time: number) => {
    endSession()
    if (swallowClickRef.current) {
      swallowClickRef.current = false
      return
    }
    if (key.type === 'char') type(key.text)
    else if (key.type === 'action') run(key.action, time)
  }

  const renderKey = (key: KeySpec, index: number) => {
    if (key.type === 'spacer') {
      return <span key={`spacer-${index}`} className="osk__spacer" style={width(key.width)} />
    }
    const look =
      key.type === 'char'
        ? { content: <CharCaption text={key.text} />, className: 'osk__key--char' }
        : actionLook(key.action, { labels, shift, layer, script, enterKind })
    return (
      <button
        key={key.type === 'char' ? `char-${key.text}` : `action-${key.action}`}
        type="button"
        tabIndex={-1}
        className={`osk__key ${look.className}`}
        style={width(key.width)}
        aria-label={'name' in look ? look.name : undefined}
        aria-pressed={'pressed' in look ? look.pressed : undefined}
        onPointerDown={(event) => onKeyPointerDown(event, key)}
        onClick={(event) => onKeyClick(key, event.timeStamp)}
      >
        {look.content}
      </button>
    )
  }

  const variantButton = (variant: string, highlighted = false) => (
    <button
      key={variant}
      type="button"
      tabIndex={-1}
      data-variant={variant}
      className={`osk__key osk__key--char${highlighted ? ' is-highlighted' : ''}`}
      onPointerDown={(event) => {
        event.preventDefault()
        endSession()
        swallowClickRef.current = false
      }}
      onClick={() => {
        type(variant)
        setPopup(null)
      }}
    >
      {variant}
    </button>
  )

  return (
    <div
      ref={rootRef}
      className="osk"
      role="group"
      aria-label={labels.keyboard}
      lang={language}
      translate="no"
      data-layout={layout.id}
      onPointerDown={keepFocus}
      onMouseDown={keepFocus}
    >
      <div className="osk__board" style={{ '--cols': layout.columns } as CSSProperties}>
        {layout.accents && (
          <div className="osk__accents">
            {layout.accents.map((group) => (
              <div
                key={group.base}
                className="osk__accent-group"
                role="group"
                aria-label={labels.variantsOf.replace('{letter}', group.base)}
              >
                {group.variants.map((variant) => variantButton(variant))}
              </div>
            ))}
          </div>
        )}
        {layout.rows.map((row, rowIndex) => (
          <div key={rowIndex} className="osk__row">
            {row.map(renderKey)}
          </div>
        ))}
      </div>
      {popup && (
        <div
          ref={popupRef}
          className="osk__popup"
          role="group"
          aria-label={popup.label}
          style={{ bottom: popup.bottom }}
        >
          {popup.variants.map((variant) => variantButton(variant, variant === highlight))}
        </div>
      )}
    </div>
  )
}

/** A letter, digit or snippet; letters with accents show a faint hint of their first variant. */
function CharCaption({ text }: { text: string }) {
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

interface ActionLook {
  content: ReactNode
  className: string
  name: string
  pressed?: boolean
}

function actionLook(
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
