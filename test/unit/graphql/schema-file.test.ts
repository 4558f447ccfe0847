import { readFileSync } from 'node:fs';
import { GraphQLObjectType, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildRolesyncSchema } from '../../../src/graphql/schema.js';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:export` after changing the API)', async () => {
    const committed = readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8');
    expect(printSchema(await buildRolesyncSchema()) + '\n').toBe(committed);
  });

  it('has no field that could return a bind password', async () => {
    const schema = await buildRolesyncSchema();
    const outputFields = Object.values(schema.getTypeMap())
      .filter((type) => type instanceof GraphQLObjectType && !type.name.startsWith('__'))
      .flatMap((type) => Object.keys((type as GraphQLObjectType).getFields()));
    expect(outputFields).toContain('hasBindPassword');
    expect(
      outputFields.filter((name) => /password(sealed)?$/i.test(name) && name !== 'hasBindPassword'),
    ).toEqual([]);
  });
});
