import { niceMax, sparklineArea, sparklinePath } from '../charts/sparkline-path';

const box = { width: 300, height: 56, pad: 3 };

/**
 * A small line chart in plain SVG: `values` oldest first, null for a gap. It stretches to its
 * container's width (the line keeps its thickness); `label` is what a screen reader hears instead.
 */
export function Sparkline({
  values,
  label,
  className,
}: {
  values: readonly (number | null)[];
  label: string;
  className?: string;
}) {
  const top = niceMax(Math.max(0, ...values.filter((v): v is number => v !== null)));
  return (
    <svg
      className={`sparkline${className ? ` ${className}` : ''}`}
      viewBox={`0 0 ${box.width} ${box.height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <line
        className="sparkline-base"
        x1={box.pad}
        x2={box.width - box.pad}
        y1={box.height - box.pad}
        y2={box.height - box.pad}
        vectorEffect="non-scaling-stroke"
      />
      <path className="sparkline-area" d={sparklineArea(values, box, top)} />
      <path className="sparkline-line" d={sparklinePath(values, box, top)} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

/** The axis top a Sparkline of these values uses, for a label beside it. */
export function sparklineTop(values: readonly (number | null)[]): number {
  return niceMax(Math.max(0, ...values.filter((v): v is number => v !== null)));
}
