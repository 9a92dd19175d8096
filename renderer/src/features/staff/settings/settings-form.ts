import {
  editableSettingsSchema,
  type EditableSettings,
  type Language,
  type PublicSettings,
  type SettingsUpdate,
} from '@shared/settings'

/** The settings as the form edits them: every text box holds text, numbers included. */
export type SettingsDraft = { [K in Exclude<keyof EditableSettings, 'languages'>]: string } & {
  languages: Language[]
}

export type SettingsField = keyof EditableSettings
export type FieldErrors = Partial<Record<SettingsField, string>>

export function toDraft(settings: EditableSettings): SettingsDraft {
  return {
    kioskId: settings.kioskId,
    eventCode: settings.eventCode,
    eventName: settings.eventName,
    eventCity: settings.eventCity,
    timeZone: settings.timeZone,
    idleSeconds: String(settings.idleSeconds),
    thankYouIdleSeconds: String(settings.thankYouIdleSeconds),
    languages: [...settings.languages],
    registerUrl: settings.registerUrl,
    verificationBaseUrl: settings.verificationBaseUrl,
    printerName: settings.printerName,
    exportPublicKey: settings.exportPublicKey,
  }
}

/** Text to a whole number; anything else becomes NaN so the schema answers with its message. */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN
}

/**
 * Checks a draft with the shared schema (the one the main process applies again) and returns
 * either the changed fields or one message per invalid field.
 */
export function checkDraft(
  draft: SettingsDraft,
  current: EditableSettings,
): { ok: true; update: SettingsUpdate } | { ok: false; errors: FieldErrors } {
  const parsed = editableSettingsSchema.safeParse({
    ...draft,
    idleSeconds: wholeNumber(draft.idleSeconds),
    thankYouIdleSeconds: wholeNumber(draft.thankYouIdleSeconds),
  })
  if (!parsed.success) {
    const errors: FieldErrors = {}
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as SettingsField | undefined
      if (field && !errors[field]) errors[field] = issue.message
    }
    return { ok: false, errors }
  }
  const update: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(parsed.data)) {
    if (JSON.stringify(value) !== JSON.stringify(current[key as SettingsField])) update[key] = value
  }
  return { ok: true, update: update as SettingsUpdate }
}

/**
 * Per-field messages from the main process's answer (`field: message; field: message`), for a
 * refusal the local check did not foresee.
 */
export function errorsFromHost(message: string): FieldErrors {
  const errors: FieldErrors = {}
  for (const part of message.replace(/^[A-Za-z]+: /, '').split('; ')) {
    const match = /^([A-Za-z]+)(?:\.\d+)?: (.+)$/.exec(part)
    if (match && match[1]! in editableSettingsSchema.shape) {
      errors[match[1] as SettingsField] ??= match[2]!
    }
  }
  return errors
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
