import { useTranslation } from 'react-i18next'

interface Props {
  /** The settings' exportPublicKey; empty: exports are written in the clear. */
  publicKey: string
  confirmed: boolean
  onConfirm: (confirmed: boolean) => void
  disabled?: boolean
}

/**
 * Says plainly whether an export will be encrypted; without the organisers' key staff must tick
 * "Export without encryption" first, so personal data never leaves in the clear by default.
 */
export function EncryptionNotice({ publicKey, confirmed, onConfirm, disabled }: Props) {
  const { t } = useTranslation()
  if (publicKey) {
    return (
      <p className="tools__encryption tools__encryption--on" data-testid="export-encryption">
        {t('staff.export.encrypted', { key: `${publicKey.slice(0, 10)}…${publicKey.slice(-6)}` })}
      </p>
    )
  }
  return (
    <div className="tools__encryption tools__encryption--off" data-testid="export-encryption">
      <p>
        <strong>{t('staff.export.notEncrypted')}</strong> {t('staff.export.notEncryptedWhy')}
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={confirmed}
          disabled={disabled}
          onChange={(event) => onConfirm(event.target.checked)}
        />
        <span>{t('staff.export.confirmUnencrypted')}</span>
      </label>
    </div>
  )
}

/** Whether an export may start, and what to tell the main process about it. */
export function encryptionChoice(
  publicKey: string,
  confirmed: boolean,
): { ready: boolean; unencrypted?: true } {
  if (publicKey) return { ready: true }
  return confirmed ? { ready: true, unencrypted: true } : { ready: false }
}
