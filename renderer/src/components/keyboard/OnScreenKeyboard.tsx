import { useLayoutEffect, useRef, useState, type CSSProperties, type SyntheticEvent } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { variantsOf } from './diacritics'
import { shouldAutoShift } from './editing'
import {
  editField,
  enterKindOf,
  fieldKindOf,
  nextField,
  openDialogOf,
  submittableFormOf,
  type TextField,
} from './fieldDom'
import { actionLook, CharCaption, type Shift } from './key-faces'
import { labelsFor } from './labels'
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
import { useFocusedField } from './useFocusedField'
import { useKeyboardHeight } from './useKeyboardHeight'
import { usePressGestures, type PressHandlers } from './usePressGestures'
import './keyboard.css'

interface Popup {
  variants: readonly string[]
  label: string
  /** Centre of the pressed key, relative to the keyboard's left edge. */
  x: number
  /** Distance from the keyboard's bottom edge to just above the pressed key. */
  bottom: number
}

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

const keepFocus = (event: SyntheticEvent) => event.preventDefault()

const width = (units: number) => ({ '--w': units }) as CSSProperties

/**
 * The kiosk's built-in touch keyboard. Mounted once at the app root, it opens docked at the
 * bottom whenever a text field has focus (inside the field's open dialog, when it has one) and types into that field as a keystroke would, so
 * React state and react-hook-form see every change. It keeps no copy of what is typed: each key
 * press reads the field, edits it, and forgets it.
 *
 * Its parts: the layout model (`layouts.ts`, `diacritics.ts`), key faces (`key-faces.tsx`),
 * gestures (`usePressGestures.ts`), focus (`useFocusedField.ts`), the field editing
 * (`fieldDom.ts`, `editing.ts`) and the height it publishes (`useKeyboardHeight.ts`).
 */
export function OnScreenKeyboard() {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? i18n.language ?? 'en'
  const labels = labelsFor(language)

  const [layer, setLayer] = useState<Layer>('letters')
  const [chosenScript, setChosenScript] = useState<Script | null>(null)
  const [shift, setShift] = useState<Shift>('off')
  const [popup, setPopup] = useState<Popup | null>(null)
  const [highlight, setHighlight] = useState<string | null>(null)
  const lastShiftTapRef = useRef(0)

  const rootRef = useRef<HTMLDivElement>(null)
  const popupRef = useRef<HTMLDivElement>(null)
  const { field, kind, dismissed, setDismissed, currentField } = useFocusedField(
    rootRef,
    popupRef,
    {
      onNewField: (element, nextKind) => {
        setLayer(initialLayer(nextKind))
        setShift(autoShiftFor(element, nextKind) ? 'once' : 'off')
      },
      closePopup: () => setPopup(null),
      // Keeps shift in step with the text, whether it was typed here or on a physical keyboard.
      onInput: (element) => {
        const auto = autoShiftFor(element, fieldKindOf(element))
        setShift((current) => (current === 'lock' ? current : auto ? 'once' : 'off'))
      },
    },
  )
  const visible = field !== null && !dismissed
  useKeyboardHeight(rootRef, field, visible)
  const { startPress, cancelPress, endPressForClick } = usePressGestures()

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

  const type = (text: string) => {
    const element = currentField()
    if (!element) return
    editField(element, { type: 'insert', text })
    if (layer === 'accents') setLayer('letters')
  }

  const erase = () => {
    const element = currentField()
    if (element) editField(element, { type: 'backspace' })
  }

  const press: PressHandlers = {
    openVariants: (button, text) => {
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
    },
    highlight: setHighlight,
    pickVariant: (variant) => {
      type(variant)
      setPopup(null)
    },
    erase,
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
    else {
      const form = submittableFormOf(element)
      if (form) form.requestSubmit()
      else setDismissed(true)
    }
  }

  const run = (name: Action, time: number) => {
    switch (name) {
      case 'space':
        return type(' ')
      case 'backspace':
        return erase()
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
    if (endPressForClick()) return
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
        onPointerDown={(event) => startPress(event, key, press)}
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
        cancelPress()
      }}
      onClick={() => {
        type(variant)
        setPopup(null)
      }}
    >
      {variant}
    </button>
  )

  const keyboard = (
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
  // A modal dialog leaves only itself (and what is inside it) tappable: the keys go in with it.
  const dialog = openDialogOf(field)
  return dialog ? createPortal(keyboard, dialog) : keyboard
}
