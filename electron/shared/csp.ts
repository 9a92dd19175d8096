const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
]

/** The Content-Security-Policy of the kiosk page as a response header: the web host and Electron's responses. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ')

/**
 * The same policy as the page's `<meta>` tag, injected at build time (`vite/csp-meta.ts`).
 * Electron loads the page from file://, which has no response headers to carry the policy.
 * `frame-ancestors` works only as a header, so the tag leaves it out.
 */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter(
  (directive) => !directive.startsWith('frame-ancestors'),
).join('; ')
