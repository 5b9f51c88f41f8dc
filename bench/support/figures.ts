import type { Spread } from './stats';

/** One reported figure: the median of its runs, with the raw measurements behind it. */
export interface Figure {
  readonly name: string;
  readonly unit: string;
  readonly value: Spread;
  /** e.g. '>= 0.7' — what the project asks of this figure, if anything. */
  readonly target?: { readonly op: '>=' | '<'; readonly value: number };
  readonly raw: Record<string, unknown>;
}

export const meets = (f: Figure): boolean | null =>
  f.target === undefined ? null : f.target.op === '>=' ? f.value.median >= f.target.value : f.value.median < f.target.value;

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const ok = meets(f);
    return [
      f.name,
      fmt(f.value.median),
      fmt(f.value.min),
      fmt(f.value.max),
      f.unit,
      f.target ? `${f.target.op} ${f.target.value}` : '',
      ok === null ? '' : ok ? 'yes' : 'NO',
    ];
  });
  const head = ['figure', 'median', 'min', 'max', 'unit', 'target', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
