import type { EntityManager } from '@mikro-orm/postgresql';
import type { DirectoryKind, TlsMode } from '../domain/directory-kinds.js';
import { Directory } from '../entities/directory.entity.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { requireDn, requireLdapUrls, requirePem } from './input-rules.js';
import { mergeChanges } from './merge-changes.js';
import { flushOrExplain } from './orm-errors.js';

export interface DirectoryFields {
  name: string;
  kind: DirectoryKind;
  urls: string[];
  tlsMode: TlsMode;
  caCertPem?: string | null;
  verifyCertificate: boolean;
  bindDn?: string | null;
  bindPassword?: string | null;
  pageSize: number;
  accessLogBaseDn?: string | null;
  connectTimeoutMs: number;
  operationTimeoutMs: number;
  maxConcurrentRuns: number;
  maxConnections: number;
}

const CLEARABLE = new Set<keyof DirectoryFields>(['caCertPem', 'bindDn', 'accessLogBaseDn']);

const CONSTRAINTS = {
  unique: 'A directory with this name already exists.',
  inUse: 'The directory is used by sync configs; delete or move them first.',
};

/** Directory CRUD with the rules shared by GraphQL and the CLI. */
export class DirectoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly secrets: SecretBox,
  ) {}

  list(): Promise<Directory[]> {
    return this.em.find(Directory, {}, { orderBy: { name: 'asc' } });
  }

  async get(id: string): Promise<Directory> {
    const directory = await this.em.findOne(Directory, { id });
    if (directory === null)
      throw new AppError(ErrorCode.NOT_FOUND, `Directory ${id} does not exist.`, { details: { id } });
    return directory;
  }

  async create(fields: DirectoryFields): Promise<Directory> {
    const directory = this.em.create(Directory, {
      ...this.checked(fields),
      bindPasswordSealed: this.seal(fields.bindPassword),
    });
    await this.flush();
    return directory;
  }

  async update(
    id: string,
    changes: { [K in keyof DirectoryFields]?: DirectoryFields[K] | null },
  ): Promise<Directory> {
    const directory = await this.get(id);
    const current: DirectoryFields = {
      name: directory.name,
      kind: directory.kind,
      urls: directory.urls,
      tlsMode: directory.tlsMode,
      caCertPem: directory.caCertPem,
      verifyCertificate: directory.verifyCertificate,
      bindDn: directory.bindDn,
      pageSize: directory.pageSize,
      accessLogBaseDn: directory.accessLogBaseDn,
      connectTimeoutMs: directory.connectTimeoutMs,
      operationTimeoutMs: directory.operationTimeoutMs,
      maxConcurrentRuns: directory.maxConcurrentRuns,
      maxConnections: directory.maxConnections,
    };
    this.em.assign(directory, this.checked(mergeChanges(current, changes, CLEARABLE)));
    if (changes.bindPassword !== undefined) directory.bindPasswordSealed = this.seal(changes.bindPassword);
    await this.flush();
    return directory;
  }

  async delete(id: string): Promise<boolean> {
    const directory = await this.get(id);
    this.em.remove(directory);
    await this.flush();
    return true;
  }

  private checked(fields: DirectoryFields) {
    return {
      name: fields.name.trim(),
      kind: fields.kind,
      urls: requireLdapUrls(fields.urls, fields.tlsMode),
      tlsMode: fields.tlsMode,
      caCertPem: fields.caCertPem == null ? null : requirePem('caCertPem', fields.caCertPem),
      verifyCertificate: fields.verifyCertificate,
      bindDn: optionalDn('bindDn', fields.bindDn),
      pageSize: fields.pageSize,
      accessLogBaseDn: optionalDn('accessLogBaseDn', fields.accessLogBaseDn),
      connectTimeoutMs: fields.connectTimeoutMs,
      operationTimeoutMs: fields.operationTimeoutMs,
      maxConcurrentRuns: fields.maxConcurrentRuns,
      maxConnections: fields.maxConnections,
    };
  }

  private seal(password: string | null | undefined): string | null {
    return password == null || password === '' ? null : this.secrets.encrypt(password);
  }

  private flush(): Promise<void> {
    return flushOrExplain(this.em, CONSTRAINTS);
  }
}

/** A DN setting that may be cleared: null or blank clears it, anything else must parse as a DN. */
function optionalDn(field: string, value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : requireDn(field, value);
}
