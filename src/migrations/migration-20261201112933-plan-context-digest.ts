import { Migration } from '@mikro-orm/migrations';

export class Migration20261201112933_plan_context_digest extends Migration {

  override name = 'Migration20261201112933_plan_context_digest';

  override up(): void | Promise<void> {
    this.addSql(`alter table "sync_run" add "plan_context_digest" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sync_run" drop column "plan_context_digest";`);
  }

}
