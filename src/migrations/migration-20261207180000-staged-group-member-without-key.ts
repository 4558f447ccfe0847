import { Migration } from '@mikro-orm/migrations';

/**
 * Staged group member values lose their key index. A run's values are unique by construction (each
 * group once, its values a set), no query looks one up by the whole key, and the index cost about 80% of
 * staging them: 970k values of a 100k role sync inserted in 0.47-0.48 s without it, 2.27-2.41 s with it,
 * and it took 145 MB per run. The table is managed by these migrations alone (schemaGenerator.skipTables).
 */
export class Migration20261207180000_staged_group_member_without_key extends Migration {

  override name = 'Migration20261207180000_staged_group_member_without_key';

  override up(): void | Promise<void> {
    this.addSql(`alter table "staged_group_member" drop constraint "staged_group_member_pkey";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "staged_group_member" add constraint "staged_group_member_pkey" primary key ("run_id", "group_dn_norm", "member_value");`);
  }

}
