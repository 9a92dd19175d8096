import { useId } from 'react'

/** One filter of the signatures table: a labelled select with "any" first. */
export function FilterSelect(props: {
  label: string
  value: string
  anyLabel: string
  options: [string, string][]
  onChange: (value: string) => void
}) {
  const id = useId()
  return (
    <div className="filter">
      <label className="filter__label" htmlFor={id}>
        {props.label}
      </label>
      <select
        id={id}
        className="filter__select"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.anyLabel}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  )
}
