import type { EntityManager } from '@mikro-orm/postgresql';
import { stagingRunIdSql } from '../db/staging-tables.js';
import { AppGroup } from '../entities/app-group.entity.js';
import { GroupMapping } from '../entities/group-mapping.entity.js';
import { SyncConfig } from '../entities/sync-config.entity.js';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { normalizeDn } from '../ldap/index.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { withLdapSession } from './directory-connection.js';
import { requireDn } from './input-rules.js';

export interface MappingInput {
  ldapGroupDn: string;
  appGroupIds: string[];
}

export interface LdapGroupView {
  dn: string;
  dnNorm: string;
  name: string | null;
  memberCount: number;
  appGroupIds: string[];
}

/**
 * LDAP group to application group mappings of a config. LDAP groups are identified by normalized DN
 * (never by name), and must exist in the directory when mapped; every change is one transaction.
 */
export class GroupMappingService {
  constructor(
    private readonly em: EntityManager,
    private readonly secrets: SecretBox,
  ) {}

  list(config: SyncConfig): Promise<GroupMapping[]> {
    return this.em.find(GroupMapping, { syncConfig: config }, { orderBy: { ldapGroupDn: 'asc' } });
  }

  /** Replaces all mappings of the config with the given ones, or changes nothing when any is invalid. */
  async replace(config: SyncConfig, mappings: readonly MappingInput[]): Promise<GroupMapping[]> {
    const checked = await this.check(config, mappings);
    await this.em.transactional(async (em) => {
      await em.nativeDelete(GroupMapping, { syncConfig: config.id });
      for (const mapping of checked) {
        em.create(GroupMapping, {
          syncConfig: em.getReference(SyncConfig, config.id),
          appGroup: em.getReference(AppGroup, mapping.appGroupId),
          ldapGroupDn: mapping.ldapGroupDn,
          ldapGroupDnNorm: mapping.ldapGroupDnNorm,
        });
      }
    });
    return this.list(config);
  }

  async add(config: SyncConfig, ldapGroupDn: string, appGroupId: string): Promise<GroupMapping[]> {
    const [mapping] = await this.check(config, [{ ldapGroupDn, appGroupIds: [appGroupId] }]);
    if (mapping !== undefined) {
      await this.em.getConnection().execute(
        `insert into group_mapping (sync_config_id, ldap_group_dn_norm, app_group_id, ldap_group_dn, created_at)
         values (?, ?, ?, ?, now()) on conflict do nothing`,
        [config.id, mapping.ldapGroupDnNorm, appGroupId, mapping.ldapGroupDn],
      );
    }
    return this.list(config);
  }

  async remove(config: SyncConfig, ldapGroupDn: string, appGroupId: string): Promise<GroupMapping[]> {
    const ldapGroupDnNorm = normalizeDn(requireDn('ldapGroupDn', ldapGroupDn));
    await this.em.nativeDelete(GroupMapping, {
      syncConfig: config.id,
      ldapGroupDnNorm,
      appGroup: appGroupId,
    });
    return this.list(config);
  }

  /** LDAP groups the config's newest run found, with member counts and their mappings. */
  async ldapGroups(
    config: SyncConfig,
    search: string | null,
    limit: number,
    offset: number,
  ): Promise<LdapGroupView[]> {
    const rows = await this.em.getConnection().execute<
      {
        dn: string;
        dn_norm: string;
        name: string | null;
        member_count: number;
        app_group_ids: string[] | null;
      }[]
    >(
      `select g.dn, g.dn_norm, g.name, g.member_count,
              array(select m.app_group_id::text from group_mapping m
                    where m.sync_config_id = r.sync_config_id and m.ldap_group_dn_norm = g.dn_norm order by 1) as app_group_ids
       from (select ${stagingRunIdSql('s')} as staging_run_id, s.sync_config_id from sync_run s
             where s.sync_config_id = ?
               and exists (select 1 from staged_group sg where sg.run_id = ${stagingRunIdSql('s')})
             order by s.created_at desc limit 1) r
       join staged_group g on g.run_id = r.staging_run_id
       where ?::text is null or g.dn ilike '%' || ?::text || '%' or g.name ilike '%' || ?::text || '%'
       order by g.dn_norm limit ? offset ?`,
      [config.id, search, search, search, limit, offset],
    );
    return rows.map((row) => ({
      dn: row.dn,
      dnNorm: row.dn_norm,
      name: row.name,
      memberCount: row.member_count,
      appGroupIds: row.app_group_ids ?? [],
    }));
  }

  private async check(config: SyncConfig, mappings: readonly MappingInput[]) {
    const groupIds = [...new Set(mappings.flatMap((mapping) => mapping.appGroupIds))];
    const found = await this.em.find(AppGroup, { id: { $in: groupIds } }, { fields: ['id'] });
    const missing = groupIds.filter((id) => !found.some((group) => group.id === id));
    if (missing.length > 0) {
      throw new AppError(ErrorCode.NOT_FOUND, `Application group ${missing.join(', ')} does not exist.`, {
        details: { field: 'appGroupIds' },
      });
    }
    const dns = mappings.map((mapping) => requireDn('ldapGroupDn', mapping.ldapGroupDn));
    await this.requireEntriesExist(config, dns);
    return mappings.flatMap((mapping, index) => {
      const ldapGroupDn = dns[index] ?? mapping.ldapGroupDn;
      const ldapGroupDnNorm = normalizeDn(ldapGroupDn);
      return mapping.appGroupIds.map((appGroupId) => ({ ldapGroupDn, ldapGroupDnNorm, appGroupId }));
    });
  }

  /** A mapping must name a real entry: one base-scope read per DN, on one connection. */
  private async requireEntriesExist(config: SyncConfig, dns: readonly string[]): Promise<void> {
    if (dns.length === 0) return;
    await withLdapSession(config.directory, this.secrets, async (session) => {
      for (const dn of dns) {
        if ((await session.readEntry(dn, ['1.1'])) === null) {
          throw new AppError(
            ErrorCode.NO_SUCH_OBJECT,
            `The LDAP group ${dn} does not exist in the directory.`,
            {
              details: { field: 'ldapGroupDn' },
            },
          );
        }
      }
    });
  }
}
