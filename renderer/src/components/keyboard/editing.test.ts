import { describe, expect, it } from 'vitest'
import { applyEdit, shouldAutoShift, textFieldKind, type FieldState } from './editing'

const field = (
  value: string,
  selectionStart: number | null = value.length,
  selectionEnd: number | null = selectionStart,
  maxLength = -1,
): FieldState => ({ value, selectionStart, selectionEnd, maxLength })

const insert = (text: string) => ({ type: 'insert', text }) as const
const backspace = { type: 'backspace' } as const

describe('typing at the caret', () => {
  it('appends at the end', () => {
    expect(applyEdit(field('Łuk'), insert('a'))).toEqual({ value: 'Łuka', caret: 4 })
  })

  it('inserts in the middle, where the caret is', () => {
    expect(applyEdit(field('Lkasz', 1), insert('u'))).toEqual({ value: 'Lukasz', caret: 2 })
  })

  it('replaces the selection', () => {
    expect(applyEdit(field('Lukasz', 0, 1), insert('Ł'))).toEqual({ value: 'Łukasz', caret: 1 })
  })

  it('accepts a backwards selection', () => {
    expect(applyEdit(field('abcdef', 4, 1), insert('X'))).toEqual({ value: 'aXef', caret: 2 })
  })

  it('types at the end of fields that hide their caret (email)', () => {
    expect(applyEdit(field('anna@example', null, null), insert('.eu'))).toEqual({
      value: 'anna@example.eu',
      caret: 15,
    })
  })

  it('clamps a stale caret to the value', () => {
    expect(applyEdit(field('ab', 9, 12), insert('c'))).toEqual({ value: 'abc', caret: 3 })
  })
})

describe('maxLength', () => {
  it('refuses to type into a full field', () => {
    expect(applyEdit(field('abcd', 4, 4, 4), insert('e'))).toBeNull()
  })

  it('cuts a longer snippet to the room left', () => {
    expect(applyEdit(field('ann@x', 5, 5, 7), insert('.com'))).toEqual({
      value: 'ann@x.c',
      caret: 7,
    })
  })

  it('counts the selection as room, since it is replaced', () => {
    expect(applyEdit(field('abcd', 1, 3, 4), insert('XY'))).toEqual({ value: 'aXYd', caret: 3 })
  })

  it('still deletes the selection when nothing fits in its place', () => {
    expect(applyEdit(field('abcd', 1, 3, 2), insert('XYZ'))).toEqual({ value: 'ad', caret: 1 })
  })

  it('does not split a character made of two UTF-16 units', () => {
    expect(applyEdit(field('ab', 2, 2, 3), insert('𝔸'))).toBeNull()
  })

  it('has no limit when maxLength is negative (no attribute)', () => {
    const long = 'x'.repeat(1000)
    expect(applyEdit(field(long), insert('y'))?.value).toHaveLength(1001)
  })
})

describe('backspace', () => {
  it('deletes the character before the caret', () => {
    expect(applyEdit(field('Łukasz', 2), backspace)).toEqual({ value: 'Łkasz', caret: 1 })
  })

  it('deletes the selection only', () => {
    expect(applyEdit(field('Łukasz', 1, 4), backspace)).toEqual({ value: 'Łsz', caret: 1 })
  })

  it('does nothing at the start of the field', () => {
    expect(applyEdit(field('abc', 0), backspace)).toBeNull()
    expect(applyEdit(field(''), backspace)).toBeNull()
  })

  it('deletes a whole astral character', () => {
    expect(applyEdit(field('a𝔸'), backspace)).toEqual({ value: 'a', caret: 1 })
  })

  it('deletes at the end of a field without caret', () => {
    expect(applyEdit(field('ab', null, null), backspace)).toEqual({ value: 'a', caret: 1 })
  })
})

describe('which fields get the keyboard', () => {
  it('opens for text-like inputs and textareas', () => {
    expect(textFieldKind({ tagName: 'INPUT', type: 'text' })).toBe('text')
    expect(textFieldKind({ tagName: 'input', type: 'EMAIL' })).toBe('email')
    expect(textFieldKind({ tagName: 'INPUT', type: 'search' })).toBe('search')
    expect(textFieldKind({ tagName: 'INPUT', type: 'tel' })).toBe('tel')
    expect(textFieldKind({ tagName: 'INPUT' })).toBe('text')
    expect(textFieldKind({ tagName: 'TEXTAREA' })).toBe('textarea')
  })

  it('stays closed for read-only, disabled and non-text controls', () => {
    expect(textFieldKind({ tagName: 'INPUT', type: 'text', readOnly: true })).toBeNull()
    expect(textFieldKind({ tagName: 'TEXTAREA', disabled: true })).toBeNull()
    for (const type of ['checkbox', 'radio', 'button', 'submit', 'password', 'number', 'date']) {
      expect(textFieldKind({ tagName: 'INPUT', type })).toBeNull()
    }
    expect(textFieldKind({ tagName: 'BUTTON' })).toBeNull()
    expect(textFieldKind({ tagName: 'SELECT' })).toBeNull()
  })
})

describe('automatic capitals', () => {
  it('capitalises the first letter of a field by default', () => {
    expect(shouldAutoShift('text', '', 0, '')).toBe(true)
    expect(shouldAutoShift('text', 'A', 1, '')).toBe(false)
    expect(shouldAutoShift('textarea', 'Hello. ', 7, 'sentences')).toBe(true)
  })

  it('capitalises each word when the field asks for words', () => {
    expect(shouldAutoShift('text', 'Jean ', 5, 'words')).toBe(true)
    expect(shouldAutoShift('text', 'Jean-', 5, 'words')).toBe(true)
    expect(shouldAutoShift('text', 'Jea', 3, 'words')).toBe(false)
    expect(shouldAutoShift('text', 'Jean Luc', 5, 'words')).toBe(true)
  })

  it('never capitalises emails, phone numbers, or fields that turned it off', () => {
    expect(shouldAutoShift('email', '', 0, '')).toBe(false)
    expect(shouldAutoShift('tel', '', 0, 'words')).toBe(false)
    expect(shouldAutoShift('text', '', 0, 'off')).toBe(false)
    expect(shouldAutoShift('text', '', 0, 'none')).toBe(false)
  })

  it('keeps capitals on for fields that ask for all characters', () => {
    expect(shouldAutoShift('text', 'AB', 2, 'characters')).toBe(true)
  })
})
