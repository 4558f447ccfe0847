import { Migration } from '@mikro-orm/migrations';

export class Migration20261201065337_role_sync_indexes extends Migration {

  override name = 'Migration20261201065337_role_sync_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "contract_primary_by_identity" on "contract" ("identity_id", "created_at") where "primary";`);

    this.addSql(`create index "role_code_lower_index" on "role" (lower("code"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "contract_primary_by_identity";`);

    this.addSql(`drop index "role_code_lower_index";`);
  }

}
