import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { certificatePageUrl, qrDataUrl } from './take-away'

interface Props {
  certificateNo: string
  registerUrl: string
}

/**
 * What a visitor can take away when nothing prints: a QR code to their certificate's page on the
 * register, to scan with their phone. Without a register, they are told to ask the staff.
 */
export function TakeAwayQr({ certificateNo, registerUrl }: Props) {
  const { t } = useTranslation()
  const url = certificatePageUrl(registerUrl, certificateNo)
  const [image, setImage] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    if (url) void qrDataUrl(url).then((data) => current && setImage(data))
    return () => {
      current = false
    }
  }, [url])

  if (!url) {
    return (
      <p className="take-away take-away--staff" data-testid="take-away">
        {t('thanks.askStaff', { number: certificateNo })}
      </p>
    )
  }
  return (
    <figure className="take-away" data-testid="take-away">
      {image && (
        <img
          className="take-away__qr"
          src={image}
          width={220}
          height={220}
          alt={t('thanks.qrAlt', { number: certificateNo })}
          data-url={url}
        />
      )}
      <figcaption>{t('thanks.scan')}</figcaption>
    </figure>
  )
}
