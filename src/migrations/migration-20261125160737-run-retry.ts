import { Migration } from '@mikro-orm/migrations';

export class Migration20261125160737_run_retry extends Migration {

  override name = 'Migration20261125160737_run_retry';

  override up(): void | Promise<void> {
    this.addSql(`alter table "sync_run" add "retry_of_id" uuid null;`);
    this.addSql(`alter table "sync_run" add constraint "sync_run_retry_of_id_foreign" foreign key ("retry_of_id") references "sync_run" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sync_run" drop constraint "sync_run_retry_of_id_foreign";`);

    this.addSql(`alter table "sync_run" drop column "retry_of_id";`);
  }

}
