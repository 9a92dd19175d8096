const BAR_WIDTH = 40
const HEIGHT = 160
/** Room above the tallest bar for its value. */
const TOP = 22

/**
 * Signatures per hour as a plain SVG bar chart: each bar carries its value above it and its
 * hour below, and a list gives the same numbers to screen readers.
 */
export function HourChart({
  perHour,
  label,
  format,
}: {
  perHour: number[]
  label: string
  format: (n: number) => string
}) {
  const max = Math.max(1, ...perHour)
  const firstUsed = perHour.findIndex((n) => n > 0)
  // From the first busy hour, or 8:00 if that is earlier, to the end of the day.
  const first = firstUsed === -1 ? 8 : Math.min(8, firstUsed)
  const hours = perHour.map((count, hour) => ({ count, hour })).slice(first)
  return (
    <figure className="hour-chart">
      <svg
        viewBox={`0 0 ${hours.length * BAR_WIDTH} ${TOP + HEIGHT + 28}`}
        aria-hidden="true"
        data-testid="hour-chart"
      >
        {hours.map(({ count, hour }, i) => {
          const h = Math.round((count / max) * HEIGHT)
          return (
            <g key={hour} transform={`translate(${i * BAR_WIDTH}, 0)`} data-hour={hour}>
              <rect
                x={6}
                y={TOP + HEIGHT - h}
                width={BAR_WIDTH - 12}
                height={h}
                rx={4}
                className="hour-chart__bar"
              />
              {count > 0 && (
                <text
                  x={BAR_WIDTH / 2}
                  y={TOP + HEIGHT - h - 5}
                  textAnchor="middle"
                  className="hour-chart__count"
                >
                  {format(count)}
                </text>
              )}
              <text
                x={BAR_WIDTH / 2}
                y={TOP + HEIGHT + 20}
                textAnchor="middle"
                className="hour-chart__hour"
              >
                {hour}
              </text>
            </g>
          )
        })}
      </svg>
      <ul className="sr-only" aria-label={label}>
        {hours
          .filter(({ count }) => count > 0)
          .map(({ count, hour }) => (
            <li key={hour}>
              {String(hour).padStart(2, '0')}:00 {format(count)}
            </li>
          ))}
      </ul>
    </figure>
  )
}
