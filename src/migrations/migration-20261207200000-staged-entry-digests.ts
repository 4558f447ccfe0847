import { Migration } from '@mikro-orm/migrations';

/**
 * A staged user keeps the digest of the entry it was read from (watchEntryDigests): the next full read
 * leaves the entries with a known digest undecoded and copies their rows instead.
 */
export class Migration20261207200000_staged_entry_digests extends Migration {

  override name = 'Migration20261207200000_staged_entry_digests';

  override up(): void | Promise<void> {
    this.addSql(`alter table "staged_user" add "entry_digest" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "staged_user" drop column "entry_digest";`);
  }

}
