/** Key symbols as inline SVG: crisp at any size and independent of the fonts installed. */
const svgProps = {
  'aria-hidden': true,
  focusable: false,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  className: 'osk__icon',
} as const

export function BackspaceIcon() {
  return (
    <svg {...svgProps}>
      <path d="M21 5H9l-7 7 7 7h12a1 1 0 0 0 1-1V6a1 1 0 0 0-1-1Z" />
      <path d="m17 9-6 6M11 9l6 6" />
    </svg>
  )
}

export function ShiftIcon({ filled }: { filled: boolean }) {
  return (
    <svg {...svgProps} fill={filled ? 'currentColor' : 'none'}>
      <path d="M12 3 3 12h5v8h8v-8h5Z" />
    </svg>
  )
}

export function CapsLockIcon() {
  return (
    <svg {...svgProps} fill="currentColor">
      <path d="M12 2 3 11h5v6h8v-6h5Z" />
      <path d="M8 21h8" fill="none" />
    </svg>
  )
}

export function HideKeyboardIcon() {
  return (
    <svg {...svgProps}>
      <rect x="2" y="3" width="20" height="12" rx="2" />
      <path d="M6 7h.01M10 7h.01M14 7h.01M18 7h.01M7 11h10" />
      <path d="m8 18 4 3 4-3" />
    </svg>
  )
}

export function NextIcon() {
  return (
    <svg {...svgProps}>
      <path d="M4 12h15M13 6l6 6-6 6" />
    </svg>
  )
}

export function DoneIcon() {
  return (
    <svg {...svgProps}>
      <path d="m4 12 5 5L20 6" />
    </svg>
  )
}

export function NewLineIcon() {
  return (
    <svg {...svgProps}>
      <path d="M20 5v6a3 3 0 0 1-3 3H5M9 10l-4 4 4 4" />
    </svg>
  )
}
