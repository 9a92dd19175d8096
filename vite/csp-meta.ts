import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY_META } from '../electron/shared/csp'

/** Writes the kiosk's CSP meta tag into index.html from `electron/shared/csp.ts`, its one source. */
export function cspMeta(): Plugin {
  return {
    name: 'kiosk-csp-meta',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
        injectTo: 'head-prepend',
      },
    ],
  }
}
