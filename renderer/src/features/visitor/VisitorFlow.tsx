import { useCallback, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublicSettings } from '@shared/settings'
import { newId } from '@shared/ids'
import { db } from '../../db'
import { flushJournalQueue } from '../../db/journal-sync'
import { saveSignature } from '../../db/save-signature'
import type { SignatureRecord } from '@shared/signature'
import { api } from '../../lib/api'
import { isComplete, toSignatureDraft, type VisitorDraft } from './draft'
import { IdleGuard } from './IdleGuard'
import type { StepName } from './StepLayout'
import { CapacityStep } from './steps/CapacityStep'
import { DetailsStep } from './steps/DetailsStep'
import { PrinciplesStep } from './steps/PrinciplesStep'
import { ReviewStep, type SaveState } from './steps/ReviewStep'
import { SignatureStep } from './steps/SignatureStep'
import { ThanksStep } from './steps/ThanksStep'
import { AlreadySignedStep } from './steps/AlreadySignedStep'

interface Props {
  settings: PublicSettings
  /** Back to the attract screen; the parent unmounts this flow so nothing of the visitor survives. */
  onExit: () => void
  /** The thank-you screen's print button, given the saved record. */
  renderPrint?: (record: SignatureRecord) => ReactNode
}

/** One visitor's way from capacity to thank-you. All they enter lives in this component's state only. */
export function VisitorFlow({ settings, onExit, renderPrint }: Props) {
  const { i18n } = useTranslation()
  const [step, setStep] = useState<StepName>('capacity')
  const [draft, setDraft] = useState<VisitorDraft>(() => ({
    id: newId(),
    language: i18n.language,
  }))
  const [saveState, setSaveState] = useState<SaveState>('idle')
  const [saved, setSaved] = useState<SignatureRecord | null>(null)
  const [alreadySigned, setAlreadySigned] = useState<'person' | 'organisation' | null>(null)
  const saving = useRef(false)
  const update = (patch: Partial<VisitorDraft>) => setDraft((current) => ({ ...current, ...patch }))
  const exit = useCallback(() => onExit(), [onExit])

  const confirm = async () => {
    // A double tap reaches here twice before React re-renders the disabled button.
    if (saving.current || !isComplete(draft)) return
    saving.current = true
    setSaveState('saving')
    try {
      const outcome = await saveSignature(
        db,
        toSignatureDraft({ ...draft, language: i18n.language }),
        {
          eventCode: settings.eventCode,
          kioskId: settings.kioskId,
          timeZone: settings.timeZone,
        },
      )
      if (outcome.status === 'duplicate') {
        setAlreadySigned(outcome.by)
        return
      }
      setSaved(outcome.full)
      flushJournalQueue(db, api).catch((error: unknown) => noteProblem('journal-failed', error))
    } catch (error) {
      setSaveState('failed')
      noteProblem('save-failed', error)
    } finally {
      saving.current = false
    }
  }

  if (saved) {
    return (
      <>
        <ThanksStep
          certificateNo={saved.certificateNo}
          printAction={renderPrint?.(saved)}
          onFinish={exit}
        />
        <IdleGuard
          key="thanks"
          idleSeconds={settings.thankYouIdleSeconds}
          onTimeout={exit}
          farewell
        />
      </>
    )
  }

  if (alreadySigned) {
    return (
      <>
        <AlreadySignedStep
          by={alreadySigned}
          organisationName={draft.details?.organisationName ?? null}
          onFinish={exit}
        />
        <IdleGuard
          key="already-signed"
          idleSeconds={settings.thankYouIdleSeconds}
          onTimeout={exit}
          farewell
        />
      </>
    )
  }

  const screens: Record<StepName, ReactNode> = {
    capacity: (
      <CapacityStep
        selected={draft.capacity}
        onBack={exit}
        onStartOver={exit}
        onChoose={(capacity) => {
          // Switching capacity keeps the person's own fields but not organisation ones.
          update({ capacity, details: undefined })
          setStep('details')
        }}
      />
    ),
    details: draft.capacity && (
      <DetailsStep
        capacity={draft.capacity}
        initial={draft.detailsInput}
        onStartOver={exit}
        onBack={(detailsInput) => {
          update({ detailsInput })
          setStep('capacity')
        }}
        onDone={(details, detailsInput) => {
          update({ details, detailsInput })
          setStep('principles')
        }}
      />
    ),
    principles: draft.details && (
      <PrinciplesStep
        language={i18n.language}
        detailsEmail={draft.details.email}
        controller={settings}
        initial={draft.consents && { ...draft.consents, email: draft.consentEmail ?? '' }}
        onStartOver={exit}
        onBack={() => setStep('details')}
        onDone={({ consents, email }) => {
          update({ consents, consentEmail: email })
          setStep('signature')
        }}
      />
    ),
    signature: (
      <SignatureStep
        initial={draft.signature}
        onStartOver={exit}
        onBack={(signature) => {
          update({ signature: signature ?? undefined })
          setStep('principles')
        }}
        onDone={(signature) => {
          update({ signature })
          setStep('review')
        }}
      />
    ),
    review: isComplete(draft) && (
      <ReviewStep
        draft={draft}
        saveState={saveState}
        onConfirm={() => void confirm()}
        onEdit={(target) => {
          setSaveState('idle')
          setStep(target)
        }}
        onBack={() => setStep('signature')}
        onStartOver={exit}
      />
    ),
  }

  return (
    <>
      {screens[step]}
      <IdleGuard key="flow" idleSeconds={settings.idleSeconds} onTimeout={exit} />
    </>
  )
}

/** Leaves a trace for staff; when IndexedDB itself is failing the audit write may fail too, so log as well. */
function noteProblem(action: 'save-failed' | 'journal-failed', error: unknown) {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  console.error(`Kiosk ${action}`, error)
  db.audit.add({ at: new Date().toISOString(), action, detail }).catch(() => undefined)
}
