/** A table's caption (for screen readers only unless `visible`) and its column headers. */
export function TableHead(props: { caption: string; columns: readonly string[]; visible?: boolean }) {
  return (
    <>
      <caption className={props.visible === true ? undefined : 'visually-hidden'}>{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}
