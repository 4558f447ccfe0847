import { Migration } from '@mikro-orm/migrations';

export class Migration20261202180000_changed_rows_plan extends Migration {

  override name = 'Migration20261202180000_changed_rows_plan';

  override up(): void | Promise<void> {
    this.addSql(`alter table "staged_user" add "corrected" boolean not null default false;`);
    this.addSql(`alter table "sync_run" add "staged_from_run_id" uuid null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sync_run" drop column "staged_from_run_id";`);
    this.addSql(`alter table "staged_user" drop column "corrected";`);
  }

}
