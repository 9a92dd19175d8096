import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../electron/shared/csp'
import { cspMeta } from './csp-meta'

describe('the CSP meta tag', () => {
  it('comes from csp.ts only: index.html has none of its own to drift', async () => {
    const html = await readFile('renderer/index.html', 'utf8')
    expect(html).not.toMatch(/Content-Security-Policy/i)
  })

  it('is the header policy without frame-ancestors, which a meta tag cannot carry', () => {
    const transform = cspMeta().transformIndexHtml as unknown as () => {
      attrs: Record<string, string>
    }[]
    const [tag] = transform()
    expect(tag?.attrs).toEqual({
      'http-equiv': 'Content-Security-Policy',
      content: CONTENT_SECURITY_POLICY_META,
    })
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors')
    expect(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')).toBe(
      CONTENT_SECURITY_POLICY_META,
    )
  })
})
