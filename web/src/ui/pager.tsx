/** Previous/next paging; `total` when the API reports it, else "next" while a page came back full. */
export function Pager(props: {
  label: string;
  offset: number;
  limit: number;
  shown: number;
  total?: number;
  onChange: (offset: number) => void;
}) {
  const hasNext =
    props.total === undefined ? props.shown === props.limit : props.offset + props.shown < props.total;
  if (props.offset === 0 && !hasNext) return null;
  const last = props.offset + props.shown;
  return (
    <nav className="pager" aria-label={props.label}>
      <button
        type="button"
        disabled={props.offset === 0}
        onClick={() => props.onChange(Math.max(0, props.offset - props.limit))}
      >
        Previous
      </button>
      <span aria-live="polite">
        {props.shown === 0 ? 'none' : `${props.offset + 1}–${last}`}
        {props.total === undefined ? '' : ` of ${props.total}`}
      </span>
      <button type="button" disabled={!hasNext} onClick={() => props.onChange(props.offset + props.limit)}>
        Next
      </button>
    </nav>
  );
}
