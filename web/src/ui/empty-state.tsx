import type { ReactNode } from 'react';

/** An empty list that says what it would show and what to do next. */
export function EmptyState(props: { title: string; children: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{props.title}</p>
      <div>{props.children}</div>
    </div>
  );
}
