import { Migration } from '@mikro-orm/migrations';

export class Migration20261202150000_group_member_value_arrays extends Migration {

  override name = 'Migration20261202150000_group_member_value_arrays';

  override up(): void | Promise<void> {
    this.addSql(`alter table "staged_group" add "member_values" text[] null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "staged_group" drop column "member_values";`);
  }

}
