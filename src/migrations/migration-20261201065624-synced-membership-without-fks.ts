import { Migration } from '@mikro-orm/migrations';

export class Migration20261201065624_synced_membership_without_fks extends Migration {

  override name = 'Migration20261201065624_synced_membership_without_fks';

  override up(): void | Promise<void> {
    this.addSql(`alter table "synced_membership" drop constraint "synced_membership_app_group_id_foreign";`);
    this.addSql(`alter table "synced_membership" drop constraint "synced_membership_identity_id_foreign";`);
    this.addSql(`alter table "synced_membership" drop constraint "synced_membership_sync_config_id_foreign";`);
    // What ON DELETE CASCADE did, once per statement over the deleted rows instead of once per row.
    this.addSql(`create function "synced_membership_delete_for_parents"() returns trigger language plpgsql as $$
      begin
        if tg_table_name = 'identity' then
          delete from synced_membership s using gone g where s.identity_id = g.id;
        elsif tg_table_name = 'app_group' then
          delete from synced_membership s using gone g where s.app_group_id = g.id;
        else
          delete from synced_membership s using gone g where s.sync_config_id = g.id;
        end if;
        return null;
      end $$;`);
    for (const parent of ['identity', 'app_group', 'sync_config']) {
      this.addSql(`create trigger "${parent}_deletes_synced_memberships" after delete on "${parent}"
        referencing old table as gone for each statement execute function "synced_membership_delete_for_parents"();`);
    }
  }

  override down(): void | Promise<void> {
    for (const parent of ['identity', 'app_group', 'sync_config']) {
      this.addSql(`drop trigger "${parent}_deletes_synced_memberships" on "${parent}";`);
    }
    this.addSql(`drop function "synced_membership_delete_for_parents"();`);
    this.addSql(`delete from "synced_membership" s where not exists (select 1 from "identity" i where i.id = s.identity_id)
      or not exists (select 1 from "app_group" g where g.id = s.app_group_id)
      or not exists (select 1 from "sync_config" c where c.id = s.sync_config_id);`);
    this.addSql(`alter table "synced_membership" add constraint "synced_membership_app_group_id_foreign" foreign key ("app_group_id") references "app_group" ("id") on update no action on delete cascade;`);
    this.addSql(`alter table "synced_membership" add constraint "synced_membership_identity_id_foreign" foreign key ("identity_id") references "identity" ("id") on update no action on delete cascade;`);
    this.addSql(`alter table "synced_membership" add constraint "synced_membership_sync_config_id_foreign" foreign key ("sync_config_id") references "sync_config" ("id") on update no action on delete cascade;`);
  }

}
