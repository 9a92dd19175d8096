import './app/tokens.css'
import './app/base.css'
// Shared components' styles, before every feature's, which refine them (the cascade order).
import './components/forms.css'
import './components/dialog.css'
import './components/panels.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n'
import { App } from './app/App'

const root = document.getElementById('root')
if (!root) throw new Error('No #root element in index.html')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
