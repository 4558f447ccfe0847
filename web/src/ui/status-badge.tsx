import { humanize } from './format.js';

/** A run or request status as text with a colour; the text carries the meaning, the colour only helps. */
export function StatusBadge(props: { status: string }) {
  return <span className={`badge badge-${props.status.toLowerCase()}`}>{humanize(props.status)}</span>;
}
