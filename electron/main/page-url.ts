/**
 * Which page the kiosk window loads and which frames may call the API. Plain module (no
 * `electron` import) so the rules are unit-tested in Node.
 */

export interface PageRules {
  /** The URL the window loads. */
  pageUrl: string
  /** False only in development (unpackaged, with electron-vite's dev server). */
  isProduction: boolean
  /** True only for our own page: the exact URL, whatever follows `#` (the app's routes). */
  isOwnPage: (url: unknown) => boolean
}

/**
 * A packaged app always loads its own file and ignores `ELECTRON_RENDERER_URL`: an environment
 * variable must not point an installed kiosk at another page that then gets the API.
 */
export function pageRules(input: {
  isPackaged: boolean
  devServerUrl: string | undefined
  rendererIndexUrl: string
}): PageRules {
  const dev = !input.isPackaged && input.devServerUrl ? normalise(input.devServerUrl) : null
  const pageUrl = dev ?? normalise(input.rendererIndexUrl)
  if (!pageUrl) throw new Error(`Not a URL: ${input.rendererIndexUrl}`)
  return {
    pageUrl,
    isProduction: dev === null,
    isOwnPage: (url) => typeof url === 'string' && normalise(url) === pageUrl,
  }
}

/** The URL without its fragment, in the WHATWG form (so `http://x:1` equals `http://x:1/`). */
function normalise(url: string): string | null {
  try {
    const parsed = new URL(url)
    parsed.hash = ''
    return parsed.href
  } catch {
    return null
  }
}
