import { Migration } from '@mikro-orm/migrations';

/**
 * A corrected staged user keeps the groups the incremental correction added and removed: the narrowed
 * plan takes its memberOf difference from them instead of reading the snapshot's row again.
 */
export class Migration20261207152110_staged_user_member_of_changes extends Migration {

  override name = 'Migration20261207152110_staged_user_member_of_changes';

  override up(): void | Promise<void> {
    this.addSql(`alter table "staged_user" add "member_of_added" text[] null, add "member_of_removed" text[] null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "staged_user" drop column "member_of_added", drop column "member_of_removed";`);
  }

}
