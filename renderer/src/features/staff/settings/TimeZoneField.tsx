import { forwardRef, useId, useMemo } from 'react'
import { Field, type FieldProps } from '../../../components/Field'

/** A text field with the browser's time zones offered as suggestions. */
export const TimeZoneField = forwardRef<HTMLInputElement, FieldProps>(
  function TimeZoneField(props, ref) {
    const listId = useId()
    const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), [])
    return (
      <>
        <Field {...props} ref={ref} list={listId} />
        <datalist id={listId}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </>
    )
  },
)
