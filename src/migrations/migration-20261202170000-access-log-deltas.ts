import { Migration } from '@mikro-orm/migrations';

export class Migration20261202170000_access_log_deltas extends Migration {

  override name = 'Migration20261202170000_access_log_deltas';

  override up(): void | Promise<void> {
    this.addSql(`alter table "directory" add "access_log_base_dn" text null;`);
    this.addSql(`alter table "staged_group" add "members_added" text[] null, add "members_removed" text[] null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "staged_group" drop column "members_added", drop column "members_removed";`);
    this.addSql(`alter table "directory" drop column "access_log_base_dn";`);
  }

}
