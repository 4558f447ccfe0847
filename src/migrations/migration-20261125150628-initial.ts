import { Migration } from '@mikro-orm/migrations';

export class Migration20261125150628_initial extends Migration {

  override name = 'Migration20261125150628_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "directory" ("id" uuid not null, "name" varchar(200) not null, "kind" text not null, "urls" text[] not null, "tls_mode" text not null, "ca_cert_pem" text null, "verify_certificate" boolean not null default true, "bind_dn" text null, "bind_password_sealed" text null, "page_size" int not null default 1000, "connect_timeout_ms" int not null default 10000, "operation_timeout_ms" int not null default 120000, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "directory" add constraint "directory_name_unique" unique ("name");`);

    this.addSql(`create unlogged table "staged_group" ("run_id" uuid not null, "dn_norm" text not null, "dn" text not null, "stable_id" text null, "name" text null, "member_count" int not null, primary key ("run_id", "dn_norm"));`);

    this.addSql(`create unlogged table "staged_group_member" ("run_id" uuid not null, "group_dn_norm" text not null, "member_value" text not null, primary key ("run_id", "group_dn_norm", "member_value"));`);

    this.addSql(`create unlogged table "staged_user" ("run_id" uuid not null, "dn_norm" text not null, "dn" text not null, "stable_id" text null, "login" text null, "display_name" text null, "email" text null, "external_id" text null, "member_of" text[] not null, primary key ("run_id", "dn_norm"));`);

    this.addSql(`create table "sync_config" ("id" uuid not null, "name" varchar(200) not null, "kind" text not null default 'DIRECTORY_SYNC', "directory_id" uuid not null, "users_base_dn" text not null, "users_scope" text not null default 'SUB', "users_filter" text not null, "login_attribute" varchar(100) not null, "name_attribute" varchar(100) null, "email_attribute" varchar(100) null, "external_id_attribute" varchar(100) null, "groups_base_dn" text not null, "groups_scope" text not null default 'SUB', "groups_filter" text not null, "group_name_attribute" varchar(100) not null default 'cn', "group_member_attribute" text not null default 'member', "membership_source" text not null default 'MEMBER_OF', "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "sync_config" add constraint "sync_config_name_unique" unique ("name");`);

    this.addSql(`create table "sync_run" ("id" uuid not null, "sync_config_id" uuid not null, "workflow_id" varchar(200) not null, "status" text not null default 'QUEUED', "phase" text not null default 'QUEUED', "trigger" text not null default 'MANUAL', "counters" jsonb not null, "error_code" varchar(100) null, "error_message" text null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "sync_run_sync_config_id_created_at_index" on "sync_run" ("sync_config_id", "created_at");`);

    this.addSql(`alter table "directory" add constraint "directory_kind_check" check ("kind" in ('ACTIVE_DIRECTORY', 'OPENLDAP', 'FREEIPA', 'OTHER'));`);
    this.addSql(`alter table "directory" add constraint "directory_tls_mode_check" check ("tls_mode" in ('NONE', 'STARTTLS', 'LDAPS'));`);

    this.addSql(`alter table "sync_config" add constraint "sync_config_directory_id_foreign" foreign key ("directory_id") references "directory" ("id") on delete restrict;`);
    this.addSql(`alter table "sync_config" add constraint "sync_config_kind_check" check ("kind" in ('DIRECTORY_SYNC', 'ROLE_SYNC'));`);
    this.addSql(`alter table "sync_config" add constraint "sync_config_users_scope_check" check ("users_scope" in ('BASE', 'ONE', 'SUB'));`);
    this.addSql(`alter table "sync_config" add constraint "sync_config_groups_scope_check" check ("groups_scope" in ('BASE', 'ONE', 'SUB'));`);
    this.addSql(`alter table "sync_config" add constraint "sync_config_group_member_attribute_check" check ("group_member_attribute" in ('member', 'uniqueMember', 'memberUid'));`);
    this.addSql(`alter table "sync_config" add constraint "sync_config_membership_source_check" check ("membership_source" in ('MEMBER_OF', 'GROUP_MEMBERS'));`);

    this.addSql(`alter table "sync_run" add constraint "sync_run_sync_config_id_foreign" foreign key ("sync_config_id") references "sync_config" ("id") on delete cascade;`);
    this.addSql(`alter table "sync_run" add constraint "sync_run_status_check" check ("status" in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'));`);
    this.addSql(`alter table "sync_run" add constraint "sync_run_phase_check" check ("phase" in ('QUEUED', 'READ_USERS', 'READ_GROUPS', 'RESOLVE_MEMBERS', 'PLAN', 'APPLY', 'COMMIT_ROLE_REQUESTS', 'PROVISION', 'CLEAN_UP', 'DONE'));`);
    this.addSql(`alter table "sync_run" add constraint "sync_run_trigger_check" check ("trigger" in ('MANUAL', 'SCHEDULE'));`);

    // At most one active run per config, enforced by the database as well as by the workflow id.
    this.addSql(`create unique index "sync_run_one_active_per_config" on "sync_run" ("sync_config_id") where "status" in ('QUEUED', 'RUNNING');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sync_config" drop constraint "sync_config_directory_id_foreign";`);
    this.addSql(`alter table "sync_run" drop constraint "sync_run_sync_config_id_foreign";`);

    this.addSql(`drop table if exists "directory" cascade;`);
    this.addSql(`drop table if exists "staged_group" cascade;`);
    this.addSql(`drop table if exists "staged_group_member" cascade;`);
    this.addSql(`drop table if exists "staged_user" cascade;`);
    this.addSql(`drop table if exists "sync_config" cascade;`);
    this.addSql(`drop table if exists "sync_run" cascade;`);
  }

}
