import { Migration } from '@mikro-orm/migrations';

export class Migration20261202140000_identity_versions extends Migration {

  override name = 'Migration20261202140000_identity_versions';

  override up(): void | Promise<void> {
    this.addSql(`alter table "sync_run" add "identity_versions" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sync_run" drop column "identity_versions";`);
  }

}
