import './signature.css'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SignatureStrokes } from '@shared/signature'
import { SignaturePadField, type PadControls } from '../SignaturePadField'
import { StepLayout } from '../StepLayout'
import { markStrokes, signatureProblem, type SignatureProblem } from '../strokes'

interface Props {
  initial?: SignatureStrokes
  onDone: (signature: SignatureStrokes) => void
  onBack: (signature: SignatureStrokes | null) => void
  onStartOver: () => void
}

/** Draw with finger, pen or mouse; clear, undo, or sign with a mark. An empty or trivial stroke is refused. */
export function SignatureStep({ initial, onDone, onBack, onStartOver }: Props) {
  const { t } = useTranslation()
  const controls = useRef<PadControls>(null)
  const [signature, setSignature] = useState<SignatureStrokes | null>(initial ?? null)
  const [problem, setProblem] = useState<SignatureProblem>(null)

  const submit = () => {
    const found = signatureProblem(signature)
    setProblem(found)
    if (!found && signature) onDone(signature)
  }

  return (
    <StepLayout
      step="signature"
      title={t('signature.title')}
      lead={t('signature.hint')}
      onBack={() => onBack(signature)}
      onStartOver={onStartOver}
      next={
        <button type="button" className="button button--primary button--large" onClick={submit}>
          {t('flow.next')} →
        </button>
      }
    >
      <div className={`signature-box ${problem ? 'signature-box--invalid' : ''}`}>
        <SignaturePadField
          label={t('signature.padLabel')}
          describedBy={problem ? 'signature-error' : undefined}
          initial={initial}
          controlRef={controls}
          onChange={(next) => {
            setSignature(next)
            if (next) setProblem(null)
          }}
        />
        <span className="signature-box__line" aria-hidden="true" />
      </div>
      <p className="sr-only" aria-live="polite">
        {signature ? t('signature.drawn') : ''}
      </p>
      {problem && (
        <p className="field__error" id="signature-error" role="alert">
          {t(`signature.${problem}`)}
        </p>
      )}
      <div className="signature-actions">
        <button type="button" className="button" onClick={() => controls.current?.undo()}>
          ↶ {t('signature.undo')}
        </button>
        <button type="button" className="button" onClick={() => controls.current?.clear()}>
          {t('signature.clear')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            const pad = controls.current
            if (!pad) return
            const { width, height } = pad.size()
            pad.draw(markStrokes(width, height))
          }}
        >
          {t('signature.mark')}
        </button>
      </div>
    </StepLayout>
  )
}
