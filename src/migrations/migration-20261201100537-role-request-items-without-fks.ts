import { Migration } from '@mikro-orm/migrations';

export class Migration20261201100537_role_request_items_without_fks extends Migration {

  override name = 'Migration20261201100537_role_request_items_without_fks';

  override up(): void | Promise<void> {
    this.addSql(`alter table "role_request_item" drop constraint "role_request_item_request_id_foreign";`);
    this.addSql(`alter table "role_request_item" drop constraint "role_request_item_role_id_foreign";`);

    this.addSql(`create or replace function "role_request_cascade_deletes_fn"() returns trigger as $$ begin delete from role_request_item where request_id = old.id; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "cascade_deletes" AFTER DELETE on "role_request" for each ROW execute function "role_request_cascade_deletes_fn"();`);

    this.addSql(`drop trigger if exists "cascade_deletes" on "role";`);
    this.addSql(`drop function if exists "role_cascade_deletes_fn"();`);
    this.addSql(`create or replace function "role_cascade_deletes_fn"() returns trigger as $$ begin delete from identity_role where role_id = old.id; delete from role_request_item where role_id = old.id; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "cascade_deletes" AFTER DELETE on "role" for each ROW execute function "role_cascade_deletes_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "cascade_deletes" on "role";`);
    this.addSql(`drop function if exists "role_cascade_deletes_fn"();`);
    this.addSql(`create or replace function "role_cascade_deletes_fn"() returns trigger as $$ begin delete from identity_role where role_id = old.id; return null; end; $$ language plpgsql;`);
    this.addSql(`create trigger "cascade_deletes" AFTER DELETE on "role" for each ROW execute function "role_cascade_deletes_fn"();`);

    this.addSql(`drop trigger if exists "cascade_deletes" on "role_request";`);
    this.addSql(`drop function if exists "role_request_cascade_deletes_fn"();`);

    this.addSql(`alter table "role_request_item" add constraint "role_request_item_request_id_foreign" foreign key ("request_id") references "role_request" ("id") on update no action on delete cascade;`);
    this.addSql(`alter table "role_request_item" add constraint "role_request_item_role_id_foreign" foreign key ("role_id") references "role" ("id") on update no action on delete cascade;`);
  }

}
