/** The organisers' texts (resources/content/<name>.<lang>.md), bundled at build time; English when a language is missing. */
const files = import.meta.glob<string>('../../../../resources/content/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
})

export function organiserText(name: 'declaration' | 'privacy', language: string): string {
  const path = (lang: string) => `../../../../resources/content/${name}.${lang}.md`
  return files[path(language)] ?? files[path('en')] ?? ''
}
