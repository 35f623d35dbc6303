// Closes around a move as a server-rendered SVG, the move's session marked with a dot.
export function MoveSparkline({ points, session, label }: { points: { date: string; close: number }[]; session: string; label: string }) {
  if (points.length < 2) return <span className="text-tremor-label">—</span>;
  const width = 120;
  const height = 32;
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    min = Math.min(min, p.close);
    max = Math.max(max, p.close);
  }
  const span = max - min || 1;
  const x = (i: number) => (i / (points.length - 1)) * width;
  const y = (v: number) => height - 3 - ((v - min) / span) * (height - 6);
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.close).toFixed(1)}`).join(" ");
  const at = points.findIndex((p) => p.date === session);
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="overflow-visible text-tremor-content dark:text-dark-tremor-content">
      {at >= 0 && <line x1={x(at)} x2={x(at)} y1={0} y2={height} stroke="currentColor" strokeOpacity={0.35} strokeDasharray="2 2" />}
      <polyline points={line} fill="none" stroke="#3b82f6" strokeWidth={1.5} strokeLinejoin="round" />
      {at >= 0 && <circle cx={x(at)} cy={y(points[at]!.close)} r={2.5} fill="#e11d48" />}
    </svg>
  );
}
