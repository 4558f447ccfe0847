import { Migration } from '@mikro-orm/migrations';

export class Migration20261125175227_incremental_sync extends Migration {

  override name = 'Migration20261125175227_incremental_sync';

  override up(): void | Promise<void> {
    this.addSql(`alter table "staged_group" add "fresh" boolean not null default true;`);

    this.addSql(`alter table "staged_user" add "fresh" boolean not null default true, add "digest" text null;`);

    this.addSql(`alter table "sync_config" add "incremental_reads" boolean not null default true, add "full_sync_interval_minutes" int not null default 1440;`);

    this.addSql(`alter table "sync_run" add "read_mode" text not null default 'FULL', add "full_requested" boolean not null default false, add "read_mark" jsonb null;`);
    this.addSql(`alter table "sync_run" add constraint "sync_run_read_mode_check" check ("read_mode" in ('FULL', 'INCREMENTAL'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "staged_group" drop column "fresh";`);

    this.addSql(`alter table "staged_user" drop column "fresh", drop column "digest";`);

    this.addSql(`alter table "sync_config" drop column "incremental_reads", drop column "full_sync_interval_minutes";`);

    this.addSql(`alter table "sync_run" drop constraint "sync_run_read_mode_check";`);
    this.addSql(`alter table "sync_run" drop column "read_mode", drop column "full_requested", drop column "read_mark";`);
  }

}
