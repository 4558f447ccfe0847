import { Migration } from '@mikro-orm/migrations';

/** A staged group keeps the digest of the entry it was read from, as staged users do. */
export class Migration20261207203000_staged_group_entry_digests extends Migration {

  override name = 'Migration20261207203000_staged_group_entry_digests';

  override up(): void | Promise<void> {
    this.addSql(`alter table "staged_group" add "entry_digest" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "staged_group" drop column "entry_digest";`);
  }

}
