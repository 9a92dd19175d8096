import './dialog.css'
import { useEffect, useId, useRef, type ReactNode } from 'react'

interface Props {
  open: boolean
  title: string
  onClose: () => void
  children: ReactNode
  /** alertdialog for warnings that need an answer (idle prompt). */
  role?: 'dialog' | 'alertdialog'
  className?: string
}

/** A modal on the native <dialog>: focus is trapped and restored by the browser; Escape closes. */
export function Dialog({ open, title, onClose, children, role = 'dialog', className }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog
      ref={ref}
      role={role}
      aria-labelledby={titleId}
      className={`dialog ${className ?? ''}`}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  )
}
