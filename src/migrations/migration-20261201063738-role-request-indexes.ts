import { Migration } from '@mikro-orm/migrations';

export class Migration20261201063738_role_request_indexes extends Migration {

  override name = 'Migration20261201063738_role_request_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "contract_primary_by_identity" on "contract" ("identity_id", "created_at") where "primary";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "contract_primary_by_identity";`);
  }

}
