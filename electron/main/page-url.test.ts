import { describe, expect, it } from 'vitest'
import { pageRules } from './page-url'

const file = 'file:///opt/Cohesion%20Kiosk/resources/app.asar/out/renderer/index.html'

describe('pageRules', () => {
  it('makes a packaged app load its own file even when ELECTRON_RENDERER_URL is set', () => {
    const rules = pageRules({
      isPackaged: true,
      devServerUrl: 'http://evil.example:5173',
      rendererIndexUrl: file,
    })
    expect(rules).toMatchObject({ pageUrl: file, isProduction: true })
    expect(rules.isOwnPage('http://evil.example:5173/')).toBe(false)
    expect(rules.isOwnPage(file)).toBe(true)
    expect(rules.isOwnPage(`${file}#/staff`)).toBe(true)
  })

  it('accepts the exact page only, not a URL that starts with it', () => {
    const rules = pageRules({ isPackaged: true, devServerUrl: undefined, rendererIndexUrl: file })
    for (const url of [
      `${file}.evil.html`,
      `${file}/../other.html`,
      `${file}?x=1`,
      'file:///opt/Cohesion%20Kiosk/resources/app.asar/out/renderer/other.html',
      '',
      'not a url',
      undefined,
      42,
    ]) {
      expect(rules.isOwnPage(url)).toBe(false)
    }
  })

  it('uses the dev server only when unpackaged, and only its exact page', () => {
    const rules = pageRules({
      isPackaged: false,
      devServerUrl: 'http://localhost:5173',
      rendererIndexUrl: file,
    })
    expect(rules).toMatchObject({ pageUrl: 'http://localhost:5173/', isProduction: false })
    expect(rules.isOwnPage('http://localhost:5173/#/staff')).toBe(true)
    expect(rules.isOwnPage('http://localhost:5173.evil.example/')).toBe(false)
    expect(rules.isOwnPage('http://localhost:51730/')).toBe(false)
    expect(rules.isOwnPage('http://localhost:5173/other.html')).toBe(false)
  })
})
