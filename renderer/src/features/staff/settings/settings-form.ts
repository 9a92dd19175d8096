import type { TFunction } from 'i18next'
import { z } from 'zod'
import type { FieldIssue } from '@shared/api-error'
import {
  editableSettingsSchema,
  type EditableSettings,
  type Language,
  type PublicSettings,
  type SettingsUpdate,
} from '@shared/settings'

export type SettingsField = keyof EditableSettings
const SHAPE = editableSettingsSchema.shape
const FIELDS = Object.keys(SHAPE) as SettingsField[]

/** Fields the schema holds as numbers; their text boxes hold text. Found in the schema, not listed. */
const NUMBER_FIELDS = FIELDS.filter((field) => SHAPE[field] instanceof z.ZodNumber)

/** The settings as the form edits them: every text box holds text, numbers included. */
export type SettingsDraft = {
  [K in SettingsField]: EditableSettings[K] extends number ? string : EditableSettings[K]
}

/** Text to a whole number; anything else becomes NaN so the schema answers with its rule. */
function wholeNumber(text: unknown): unknown {
  return typeof text === 'string' ? (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN) : text
}

/** The form's resolver schema: the shared one (the main process applies it again), reading numbers from text. */
export const settingsFormSchema = editableSettingsSchema.extend(
  Object.fromEntries(
    NUMBER_FIELDS.map((field) => [field, z.preprocess(wholeNumber, SHAPE[field])]),
  ) as Record<string, z.ZodType>,
) as unknown as z.ZodType<EditableSettings, SettingsDraft>

export function toDraft(settings: EditableSettings): SettingsDraft {
  const draft: Record<string, unknown> = {}
  for (const field of FIELDS) {
    const value = settings[field]
    draft[field] =
      typeof value === 'number' ? String(value) : Array.isArray(value) ? [...value] : value
  }
  return draft as SettingsDraft
}

/** The fields of `next` that differ from `current`: what one atomic update sends. */
export function changedFields(next: EditableSettings, current: EditableSettings): SettingsUpdate {
  const update: Record<string, unknown> = {}
  for (const field of FIELDS) {
    if (JSON.stringify(next[field]) !== JSON.stringify(current[field])) update[field] = next[field]
  }
  return update as SettingsUpdate
}

export function isSettingsField(name: string): name is SettingsField {
  return Object.hasOwn(SHAPE, name)
}

/** The host's field issues on this form's fields (`languages.0` belongs to `languages`), first one each. */
export function fieldsOfIssues(issues: readonly FieldIssue[] = []): SettingsField[] {
  const fields = issues.map((issue) => issue.field.split('.')[0] ?? '').filter(isSettingsField)
  return [...new Set(fields)]
}

/** A number field's bounds, read from the schema so the message cannot drift from the rule. */
function limitsOf(field: SettingsField): Record<string, number> {
  const schema = SHAPE[field]
  if (!(schema instanceof z.ZodNumber)) return {}
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? 0 }
}

/** What staff read under an invalid field: its rule, in the screen's language. */
export function fieldErrorText(t: TFunction, field: SettingsField): string {
  return t([`errors.settings.${field}`, 'errors.invalid'], limitsOf(field))
}

/** Languages in the order the kiosk lists them, with one switched on or off. */
export function toggledLanguages(
  all: readonly Language[],
  chosen: readonly Language[],
  language: Language,
  on: boolean,
): Language[] {
  return all.filter((l) => (l === language ? on : chosen.includes(l)))
}

/** Web addresses may carry credentials or keys in them: the audit log says only that they changed. */
const UNQUOTED = new Set<SettingsField>(['registerUrl', 'verificationBaseUrl'])

/** The audit log's line for a settings change: which fields, and old → new where harmless. */
export function describeChanges(before: PublicSettings, update: SettingsUpdate): string {
  const show = (value: unknown) =>
    Array.isArray(value) ? value.join(', ') : value === '' ? '(none)' : String(value)
  return `Settings changed: ${Object.entries(update)
    .map(([key, value]) =>
      UNQUOTED.has(key as SettingsField)
        ? `${key} changed`
        : `${key} ${show(before[key as SettingsField])} → ${show(value)}`,
    )
    .join('; ')}`
}
