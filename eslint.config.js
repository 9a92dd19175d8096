import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** Where each file runs decides what it may import (see DESIGN.md, "Dependencies point one way"). */
const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
})
const noElectron = [
  { name: 'electron', message: 'Only electron/main and electron/preload import Electron.' },
]

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [
          { group: ['node:*'], message: 'The renderer never imports Node modules.' },
          {
            group: [
              '**/electron/main/**',
              '**/electron/services/**',
              '**/electron/host/**',
              '**/electron/preload/**',
            ],
            message:
              'The renderer imports only electron/shared (as @shared/…) from the electron side.',
          },
        ],
        noElectron,
      ),
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: restrict(
      [
        {
          group: ['node:*', 'react*'],
          message: 'electron/shared imports neither Node, Electron nor the DOM.',
        },
        {
          group: ['../main/**', '../services/**', '../host/**', '../preload/**'],
          message: 'Shared code depends on nothing else.',
        },
      ],
      noElectron,
    ),
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: restrict(
      [
        {
          group: ['../main/**', '../host/**'],
          message: 'Services are plain Node: no Electron glue.',
        },
      ],
      noElectron,
    ),
  },
  {
    files: ['electron/host/**/*.ts'],
    rules: restrict(
      [
        {
          group: ['../main/**', '../preload/**'],
          message: 'The web host never uses the Electron glue.',
        },
      ],
      noElectron,
    ),
  },
  {
    files: ['register/**/*.ts'],
    rules: restrict(
      [
        {
          group: [
            '**/electron/main/**',
            // Nothing of the kiosk's services but the day batch format (its encryption, and its
            // reader, for tests), the certificate renderer and the private file modes: one
            // definition for kiosk and register. Gitignore rules: a parent must be let in first.
            '**/electron/services/*',
            '!**/electron/services/export',
            '!**/electron/services/certificates',
            '!**/electron/services/private-files',
            '**/electron/services/export/*',
            '!**/electron/services/export/csv',
            '!**/electron/services/export/encryption',
            '!**/electron/services/export/manifest',
            '!**/electron/services/export/read-batch',
            '**/electron/host/**',
            '**/renderer/**',
          ],
          message:
            'The register shares only the protocol schema and the export format with the kiosk.',
        },
      ],
      noElectron,
    ),
  },
)
