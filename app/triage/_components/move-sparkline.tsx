// Closes around a move as an SVG, the move's session (index `at`) marked with a dot.
export interface Spark {
  values: number[];
  /** Index of the move's session in `values`, −1 when it is not among them. */
  at: number;
}

export function MoveSparkline({ values, at, label }: Spark & { label: string }) {
  if (values.length < 2) return <span className="text-tremor-label">—</span>;
  const width = 120;
  const height = 32;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const span = max - min || 1;
  const x = (i: number) => (i / (values.length - 1)) * width;
  const y = (v: number) => height - 3 - ((v - min) / span) * (height - 6);
  const line = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="overflow-visible text-tremor-content dark:text-dark-tremor-content">
      {at >= 0 && <line x1={x(at)} x2={x(at)} y1={0} y2={height} stroke="currentColor" strokeOpacity={0.35} strokeDasharray="2 2" />}
      <polyline points={line} fill="none" stroke="#3b82f6" strokeWidth={1.5} strokeLinejoin="round" />
      {at >= 0 && <circle cx={x(at)} cy={y(values[at]!)} r={2.5} fill="#e11d48" />}
    </svg>
  );
}
