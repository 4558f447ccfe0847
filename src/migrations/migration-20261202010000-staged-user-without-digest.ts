import { Migration } from '@mikro-orm/migrations';

export class Migration20261202010000_staged_user_without_digest extends Migration {

  override name = 'Migration20261202010000_staged_user_without_digest';

  override up(): void | Promise<void> {
    this.addSql(`alter table "staged_user" drop column "digest";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "staged_user" add "digest" text null;`);
  }

}
