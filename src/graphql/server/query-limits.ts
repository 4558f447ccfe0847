import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../../errors/error-codes.js';

export interface QueryLimits {
  /** Deepest nesting of selections in one operation. */
  maxDepth: number;
  /** Fields selected in one operation, fragments expanded: a simple cost bound. */
  maxFields: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxFields: 1000 };

/** Rejects operations deeper or larger than the limits before anything executes. */
export function queryLimitsRule(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const { depth, fields } = measure(context, operation.selectionSet, 1, new Set());
      if (depth > limits.maxDepth || fields > limits.maxFields) {
        context.reportError(
          new GraphQLError(
            `The operation is too complex: depth ${depth} (at most ${limits.maxDepth}), ${fields} fields (at most ${limits.maxFields}).`,
            // Apollo replaces `code` of validation errors with GRAPHQL_VALIDATION_FAILED; `reason` survives.
            {
              nodes: [operation],
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, reason: ErrorCode.QUERY_TOO_COMPLEX },
            },
          ),
        );
      }
    },
  });
}

function measure(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  depth: number,
  visitedFragments: ReadonlySet<string>,
): { depth: number; fields: number } {
  let deepest = depth;
  let fields = 0;
  for (const selection of selectionSet.selections) {
    let inner: SelectionSetNode | undefined;
    let visited = visitedFragments;
    if (selection.kind === Kind.FIELD) {
      fields += 1;
      inner = selection.selectionSet;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = selection.selectionSet;
    } else {
      // A fragment cycle is reported by graphql's own rules; here it just stops the walk.
      if (visitedFragments.has(selection.name.value)) continue;
      inner = context.getFragment(selection.name.value)?.selectionSet;
      visited = new Set([...visitedFragments, selection.name.value]);
    }
    if (inner === undefined) continue;
    const nested = measure(context, inner, selection.kind === Kind.FIELD ? depth + 1 : depth, visited);
    deepest = Math.max(deepest, nested.depth);
    fields += nested.fields;
  }
  return { depth: deepest, fields };
}
