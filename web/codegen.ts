import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations for the console: every `graphql(...)` document in web/src, checked against the API schema. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['web/src/**/*.tsx', 'web/src/**/*.ts', '!web/src/gql/**'],
  ignoreNoDocuments: false,
  importExtension: '.js',
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // String unions instead of TypeScript enums: no runtime code, and they narrow from <select> values.
        enumsAsTypes: true,
        // urql's document cache adds __typename to every selection; the types say so, so forms can strip it.
        nonOptionalTypename: true,
        useTypeImports: true,
        scalars: { DateTimeISO: 'string' },
      },
    },
  },
};

export default config;
