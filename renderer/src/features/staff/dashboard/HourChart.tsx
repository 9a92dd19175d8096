/** Signatures per hour as a plain SVG bar chart, with the numbers also given as text for screen readers. */
export function HourChart({ perHour, label }: { perHour: number[]; label: string }) {
  const max = Math.max(1, ...perHour)
  const first = Math.max(
    0,
    Math.min(
      8,
      perHour.findIndex((n) => n > 0),
    ),
  )
  const hours = perHour.map((count, hour) => ({ count, hour })).slice(first === -1 ? 8 : first)
  const barWidth = 40
  const height = 160
  return (
    <figure className="hour-chart">
      <svg viewBox={`0 0 ${hours.length * barWidth} ${height + 28}`} role="img" aria-label={label}>
        {hours.map(({ count, hour }, i) => {
          const h = Math.round((count / max) * height)
          return (
            <g key={hour} transform={`translate(${i * barWidth}, 0)`}>
              <rect
                x={6}
                y={height - h}
                width={barWidth - 12}
                height={h}
                rx={4}
                className="hour-chart__bar"
              />
              {count > 0 && (
                <text
                  x={barWidth / 2}
                  y={height - h - 4}
                  textAnchor="middle"
                  className="hour-chart__count"
                >
                  {count}
                </text>
              )}
              <text
                x={barWidth / 2}
                y={height + 20}
                textAnchor="middle"
                className="hour-chart__hour"
              >
                {hour}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
