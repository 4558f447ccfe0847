import { defineEntity, p } from '@mikro-orm/core';
import { DIRECTORY_KINDS, TLS_MODES } from '../domain/directory-kinds.js';

export const DirectorySchema = defineEntity({
  name: 'Directory',
  tableName: 'directory',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    name: p.string().length(200).unique(),
    kind: p.enum(DIRECTORY_KINDS),
    /** Tried in order; the next one is used when a server cannot be reached. */
    urls: p.array(),
    tlsMode: p.enum(TLS_MODES),
    caCertPem: p.text().nullable(),
    verifyCertificate: p.boolean().default(true),
    bindDn: p.text().nullable(),
    /** AES-256-GCM sealed (SecretBox); never leaves the server. */
    bindPasswordSealed: p.text().nullable().hidden(),
    pageSize: p.integer().default(1000),
    /**
     * OpenLDAP's accesslog database (e.g. `cn=accesslog`), readable by the bind DN: incremental runs
     * take the member values groups gained and lost from it instead of reading changed groups whole.
     */
    accessLogBaseDn: p.text().nullable(),
    connectTimeoutMs: p.integer().default(10_000),
    operationTimeoutMs: p.integer().default(120_000),
    /** Runs of this directory's configs that may read or write at once; more wait, QUEUED. */
    maxConcurrentRuns: p.integer().default(2),
    /** LDAP connections to this directory one worker process holds at once. */
    maxConnections: p.integer().default(4),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Directory extends DirectorySchema.class {}
DirectorySchema.setClass(Directory);
