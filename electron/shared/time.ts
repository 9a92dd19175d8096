/** The calendar day (YYYY-MM-DD) of an instant in the event's time zone. */
export function dayInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** Whether `day` (YYYY-MM-DD) is a date that exists: `2026-02-30` is not. */
export function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day
}

/** Milliseconds the wall clock of `timeZone` is ahead of UTC at `instant`. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  return wall - Math.floor(instant / 1000) * 1000
}

/**
 * The instant a wall-clock date and time (`YYYY-MM-DD`, `HH:MM`) names in `timeZone`, or null
 * when either is not a real date or time. In the hour a clock skips or repeats (daylight saving
 * time), the earlier reading of the offset wins.
 */
export function instantInZone(day: string, time: string, timeZone: string): Date | null {
  const clock = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time)
  if (!isCalendarDay(day) || !clock) return null
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const wall = Date.UTC(y, m - 1, d, Number(clock[1]), Number(clock[2]))
  const first = wall - zoneOffsetMs(wall, timeZone)
  return new Date(wall - zoneOffsetMs(first, timeZone))
}

/** The wall-clock date (`YYYY-MM-DD`) and time (`HH:MM`) of an instant in `timeZone`. */
export function wallClockInZone(instant: Date, timeZone: string): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { day: dayInZone(instant, timeZone), time: `${get('hour')}:${get('minute')}` }
}
