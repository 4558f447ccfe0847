import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab<K extends string> {
  key: K;
  label: string;
}

/**
 * WAI-ARIA tabs: the tab list is one Tab stop, arrow keys (and Home/End) move between tabs and select
 * them, and the panel is labelled by its tab.
 */
export function Tabs<K extends string>(props: {
  label: string;
  tabs: readonly Tab<K>[];
  selected: K;
  onSelect: (key: K) => void;
  children: ReactNode;
}) {
  const id = useId();
  const buttons = useRef(new Map<K, HTMLButtonElement>());
  const index = props.tabs.findIndex((tab) => tab.key === props.selected);

  function move(event: KeyboardEvent): void {
    const offsets: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    let next: number;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = props.tabs.length - 1;
    else if (event.key in offsets)
      next = (index + (offsets[event.key] ?? 0) + props.tabs.length) % props.tabs.length;
    else return;
    event.preventDefault();
    const tab = props.tabs[next];
    if (tab === undefined) return;
    props.onSelect(tab.key);
    buttons.current.get(tab.key)?.focus();
  }

  return (
    <div className="tabs">
      <div role="tablist" aria-label={props.label}>
        {props.tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`${id}-${tab.key}`}
            aria-selected={tab.key === props.selected}
            aria-controls={`${id}-panel`}
            tabIndex={tab.key === props.selected ? 0 : -1}
            ref={(element) => {
              if (element === null) buttons.current.delete(tab.key);
              else buttons.current.set(tab.key, element);
            }}
            onClick={() => props.onSelect(tab.key)}
            onKeyDown={move}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${props.selected}`}>
        {props.children}
      </div>
    </div>
  );
}
