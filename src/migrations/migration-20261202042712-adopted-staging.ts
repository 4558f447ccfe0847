import { Migration } from '@mikro-orm/migrations';

export class Migration20261202042712_adopted_staging extends Migration {

  override name = 'Migration20261202042712_adopted_staging';

  override up(): void | Promise<void> {
    this.addSql(`alter table "sync_run" add "staging_run_id" uuid null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sync_run" drop column "staging_run_id";`);
  }

}
