import { Migration } from '@mikro-orm/migrations';

export class Migration20261201071957_memberships_and_roles_without_fks extends Migration {

  override name = 'Migration20261201071957_memberships_and_roles_without_fks';

  override up(): void | Promise<void> {
    this.addSql(`alter table "identity_role" drop constraint "identity_role_contract_id_foreign";`);
    this.addSql(`alter table "identity_role" drop constraint "identity_role_identity_id_foreign";`);
    this.addSql(`alter table "identity_role" drop constraint "identity_role_role_id_foreign";`);
    this.addSql(`alter table "identity_role" drop constraint "identity_role_sync_config_id_foreign";`);

    this.addSql(`alter table "synced_membership" drop constraint "synced_membership_app_group_id_foreign";`);
    this.addSql(`alter table "synced_membership" drop constraint "synced_membership_identity_id_foreign";`);
    this.addSql(`alter table "synced_membership" drop constraint "synced_membership_sync_config_id_foreign";`);

    this.addSql(`create or replace function "app_group_cascade_deletes_fn"() returns trigger as $$ begin delete from synced_membership where app_group_id = old.id; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "cascade_deletes" AFTER DELETE on "app_group" for each ROW execute function "app_group_cascade_deletes_fn"();`);

    this.addSql(`create or replace function "identity_cascade_deletes_fn"() returns trigger as $$ begin delete from synced_membership where identity_id = old.id; delete from identity_role where identity_id = old.id; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "cascade_deletes" AFTER DELETE on "identity" for each ROW execute function "identity_cascade_deletes_fn"();`);

    this.addSql(`create or replace function "contract_cascade_deletes_fn"() returns trigger as $$ begin delete from identity_role where contract_id = old.id; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "cascade_deletes" AFTER DELETE on "contract" for each ROW execute function "contract_cascade_deletes_fn"();`);

    this.addSql(`create or replace function "sync_config_cascade_deletes_fn"() returns trigger as $$ begin delete from synced_membership where sync_config_id = old.id; update identity_role set sync_config_id = null where sync_config_id = old.id; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "cascade_deletes" AFTER DELETE on "sync_config" for each ROW execute function "sync_config_cascade_deletes_fn"();`);

    this.addSql(`create or replace function "role_cascade_deletes_fn"() returns trigger as $$ begin delete from identity_role where role_id = old.id; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "cascade_deletes" AFTER DELETE on "role" for each ROW execute function "role_cascade_deletes_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "cascade_deletes" on "app_group";`);
    this.addSql(`drop function if exists "app_group_cascade_deletes_fn"();`);

    this.addSql(`drop trigger if exists "cascade_deletes" on "contract";`);
    this.addSql(`drop function if exists "contract_cascade_deletes_fn"();`);

    this.addSql(`drop trigger if exists "cascade_deletes" on "identity";`);
    this.addSql(`drop function if exists "identity_cascade_deletes_fn"();`);

    this.addSql(`alter table "identity_role" add constraint "identity_role_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update no action on delete cascade;`);
    this.addSql(`alter table "identity_role" add constraint "identity_role_identity_id_foreign" foreign key ("identity_id") references "identity" ("id") on update no action on delete cascade;`);
    this.addSql(`alter table "identity_role" add constraint "identity_role_role_id_foreign" foreign key ("role_id") references "role" ("id") on update no action on delete cascade;`);
    this.addSql(`alter table "identity_role" add constraint "identity_role_sync_config_id_foreign" foreign key ("sync_config_id") references "sync_config" ("id") on update no action on delete set null;`);

    this.addSql(`drop trigger if exists "cascade_deletes" on "role";`);
    this.addSql(`drop function if exists "role_cascade_deletes_fn"();`);

    this.addSql(`drop trigger if exists "cascade_deletes" on "sync_config";`);
    this.addSql(`drop function if exists "sync_config_cascade_deletes_fn"();`);

    this.addSql(`alter table "synced_membership" add constraint "synced_membership_app_group_id_foreign" foreign key ("app_group_id") references "app_group" ("id") on update no action on delete cascade;`);
    this.addSql(`alter table "synced_membership" add constraint "synced_membership_identity_id_foreign" foreign key ("identity_id") references "identity" ("id") on update no action on delete cascade;`);
    this.addSql(`alter table "synced_membership" add constraint "synced_membership_sync_config_id_foreign" foreign key ("sync_config_id") references "sync_config" ("id") on update no action on delete cascade;`);
  }

}
