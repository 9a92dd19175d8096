import { displayStore } from '../features/visitor/display/display-options'
import { DEFAULT_LANGUAGE, setLanguage } from '../i18n'

/**
 * What must not survive from one visitor to the next beyond React state (which is unmounted):
 * focus and text selection, the chosen language and display (text size, contrast), scroll positions.
 */
export function wipeVisitorTraces(): void {
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
  window.getSelection()?.removeAllRanges()
  setLanguage(DEFAULT_LANGUAGE)
  displayStore.reset()
  window.scrollTo(0, 0)
}

/**
 * The kiosk never adds history entries; this keeps the browser's own Back (a gesture, Alt+Left)
 * on the current page instead of leaving the app.
 */
export function trapHistoryBack(): () => void {
  history.pushState(null, '', window.location.href)
  const stay = () => history.pushState(null, '', window.location.href)
  window.addEventListener('popstate', stay)
  return () => window.removeEventListener('popstate', stay)
}
