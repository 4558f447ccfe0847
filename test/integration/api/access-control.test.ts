import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRolesyncSchema } from '../../../src/graphql/schema.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

let app: TestApp;
let viewer: string;
let operator: string;

beforeAll(async () => {
  app = await startTestApp({ worker: false });
  viewer = (await app.createToken('VIEWER')).secret;
  operator = (await app.createToken('OPERATOR')).secret;
});
afterAll(async () => {
  await app.stop();
});

/** A value of the input type that passes GraphQL validation (the resolver must never run without access). */
function sampleValue(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return sampleValue(type.ofType);
  if (type instanceof GraphQLList) return [];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]?.value;
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => field.type instanceof GraphQLNonNull && field.defaultValue === undefined)
        .map((field) => [field.name, sampleValue(field.type)]),
    );
  }
  if (type instanceof GraphQLScalarType) {
    const samples: Record<string, unknown> = {
      ID: '00000000-0000-4000-8000-000000000000',
      String: 'x',
      Int: 1,
      Float: 1,
      Boolean: false,
    };
    return samples[type.name] ?? '2026-01-01T00:00:00.000Z';
  }
  return null;
}

interface Operation {
  name: string;
  kind: 'query' | 'mutation';
  document: string;
  variables: Record<string, unknown>;
}

/** One operation per Query and Mutation field of the schema, so a new field cannot slip through unchecked. */
function operationOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Operation {
  const required = field.args.filter(
    (arg) => arg.type instanceof GraphQLNonNull && arg.defaultValue === undefined,
  );
  const definitions = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isInterfaceType(named) ? ' { __typename }' : '';
  return {
    name: field.name,
    kind,
    document: `${kind}${definitions === '' ? '' : `(${definitions})`} { ${field.name}${args === '' ? '' : `(${args})`}${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sampleValue(arg.type)])),
  };
}

async function allOperations(): Promise<Operation[]> {
  const schema = await buildRolesyncSchema();
  const root = (kind: 'query' | 'mutation', type: GraphQLObjectType | null | undefined) =>
    Object.values(type?.getFields() ?? {}).map((field) => operationOf(kind, field));
  return [...root('query', schema.getQueryType()), ...root('mutation', schema.getMutationType())];
}

const ADMIN_ONLY = new Set(['apiTokens', 'createApiToken', 'revokeApiToken']);

describe('access control, generated from the schema', () => {
  it('refuses every operation without a token, or with an unknown one, as UNAUTHENTICATED', async () => {
    const operations = await allOperations();
    expect(operations.length).toBeGreaterThan(40);
    for (const operation of operations) {
      for (const token of [null, 'rs_not-a-real-token']) {
        const result = await app.gql(operation.document, operation.variables, token);
        expect(result.errors?.[0]?.extensions?.code, `${operation.name} with ${String(token)}`).toBe(
          'UNAUTHENTICATED',
        );
        expect(result.data ?? null, operation.name).toBeNull();
      }
    }
  });

  it('refuses every mutation to a VIEWER and token management to an OPERATOR, as FORBIDDEN', async () => {
    for (const operation of await allOperations()) {
      const weakest = ADMIN_ONLY.has(operation.name)
        ? 'ADMIN'
        : operation.kind === 'mutation'
          ? 'OPERATOR'
          : 'VIEWER';
      for (const [role, token] of [
        ['VIEWER', viewer],
        ['OPERATOR', operator],
      ] as const) {
        const allowed = weakest === 'VIEWER' || (weakest === 'OPERATOR' && role === 'OPERATOR');
        const code = (await app.gql(operation.document, operation.variables, token)).errors?.[0]?.extensions
          ?.code;
        if (allowed)
          expect(['UNAUTHENTICATED', 'FORBIDDEN'], `${operation.name} as ${role}`).not.toContain(code);
        else expect(code, `${operation.name} as ${role}`).toBe('FORBIDDEN');
      }
    }
  });
});

describe('tokens', () => {
  it('are stored hashed, listed without their secret, and revocation acts at once', async () => {
    const created = await app.createToken('VIEWER');
    const { rows } = await app.database.pool.query<{ token_hash: string }>(
      'select token_hash from api_token where id = $1',
      [created.id],
    );
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.token_hash).not.toContain(created.secret);
    const listed = await app.gqlData<{ apiTokens: Record<string, unknown>[] }>(
      '{ apiTokens { id name role prefix revokedAt } }',
    );
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect((await app.gql('{ directories { id } }', {}, created.secret)).errors).toBeUndefined();
    await app.gqlData(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: created.id });
    expect((await app.gql('{ directories { id } }', {}, created.secret)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('a WebSocket without a valid token is refused', async () => {
    const client = createClient({
      url: app.graphqlUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
    });
    const outcome = await new Promise<string>((resolve) => {
      client.subscribe(
        { query: '{ directories { id } }' },
        {
          next: () => resolve('data'),
          error: () => resolve('refused'),
          complete: () => resolve('completed'),
        },
      );
    });
    await client.dispose();
    expect(outcome).toBe('refused');
  });
});
