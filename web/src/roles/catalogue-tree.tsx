interface CatalogueNode {
  id: string;
  name: string;
  parentId: string | null;
}

/**
 * The role catalogue as nested lists of buttons: plain Tab moves through the nodes, the chosen one is
 * marked with aria-pressed; "All roles" clears the choice.
 */
export function CatalogueTree(props: {
  nodes: readonly CatalogueNode[];
  selected: string | null;
  onSelect: (id: string | null) => void;
}) {
  const children = new Map<string | null, CatalogueNode[]>();
  for (const node of props.nodes) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);

  function branch(parentId: string | null) {
    const nodes = children.get(parentId) ?? [];
    if (nodes.length === 0) return null;
    return (
      <ul>
        {nodes.map((node) => (
          <li key={node.id}>
            <button
              type="button"
              className="tree-node"
              aria-pressed={props.selected === node.id}
              onClick={() => props.onSelect(node.id)}
            >
              {node.name}
            </button>
            {branch(node.id)}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="tree">
      <button
        type="button"
        className="tree-node"
        aria-pressed={props.selected === null}
        onClick={() => props.onSelect(null)}
      >
        All roles
      </button>
      {props.nodes.length === 0 ? (
        <p className="hint">The catalogue is empty: role syncs with the catalogue switched on fill it.</p>
      ) : (
        branch(null)
      )}
    </div>
  );
}
