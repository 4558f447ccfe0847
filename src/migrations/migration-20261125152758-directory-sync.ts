import { Migration } from '@mikro-orm/migrations';

export class Migration20261125152758_directory_sync extends Migration {

  override name = 'Migration20261125152758_directory_sync';

  override up(): void | Promise<void> {
    this.addSql(`create table "app_group" ("id" uuid not null, "name" varchar(200) not null, "description" text null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "app_group" add constraint "app_group_name_unique" unique ("name");`);

    this.addSql(`create table "identity" ("id" uuid not null, "login" text not null, "display_name" text null, "email" text null, "source_directory_id" uuid null, "external_id" text null, "dn" text null, "authorization_type" text not null default 'LOCAL', "active" boolean not null default true, "deactivation_reason" text null, "deactivated_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "identity" add constraint "identity_source_directory_id_external_id_unique" unique ("source_directory_id", "external_id");`);
    this.addSql(`create unique index "identity_login_lower_unique" on "identity" (lower("login"));`);

    this.addSql(`create table "manual_membership" ("identity_id" uuid not null, "app_group_id" uuid not null, "created_at" timestamptz not null, primary key ("identity_id", "app_group_id"));`);

    this.addSql(`create table "plan_identity" ("run_id" uuid not null, "identity_id" uuid not null, "action" text not null, "login" text not null, "display_name" text null, "email" text null, "dn" text null, "external_id" text null, "reason" text null, primary key ("run_id", "identity_id"));`);

    this.addSql(`create table "plan_membership" ("run_id" uuid not null, "identity_id" uuid not null, "app_group_id" uuid not null, "ldap_group_dn_norm" text not null, "action" text not null, primary key ("run_id", "identity_id", "app_group_id", "ldap_group_dn_norm"));`);

    this.addSql(`create unlogged table "staged_edge" ("run_id" uuid not null, "user_dn_norm" text not null, "group_dn_norm" text not null, primary key ("run_id", "user_dn_norm", "group_dn_norm"));`);

    this.addSql(`create table "group_mapping" ("sync_config_id" uuid not null, "ldap_group_dn_norm" text not null, "app_group_id" uuid not null, "ldap_group_dn" text not null, "created_at" timestamptz not null, primary key ("sync_config_id", "ldap_group_dn_norm", "app_group_id"));`);

    this.addSql(`create table "synced_membership" ("identity_id" uuid not null, "app_group_id" uuid not null, "sync_config_id" uuid not null, "ldap_group_dn_norm" text not null, "created_at" timestamptz not null, primary key ("identity_id", "app_group_id", "sync_config_id", "ldap_group_dn_norm"));`);
    this.addSql(`create index "synced_membership_sync_config_id_identity_id_index" on "synced_membership" ("sync_config_id", "identity_id");`);

    this.addSql(`create table "run_log" ("id" bigserial primary key, "run_id" uuid not null, "created_at" timestamptz not null, "level" text not null, "phase" text not null, "message" text not null, "dn" text null);`);
    this.addSql(`create index "run_log_run_id_id_index" on "run_log" ("run_id", "id");`);

    this.addSql(`alter table "sync_config" add "auto_create_users" boolean not null default false, add "auto_deactivate_users" boolean not null default false, add "default_authorization_type" text not null default 'LDAP', add "expand_nested_groups" boolean not null default false, add "safety_threshold_percent" int not null default 10, add "schedule_enabled" boolean not null default false, add "schedule_interval_minutes" int null, add "schedule_cron" text null;`);
    this.addSql(`alter table "sync_config" add constraint "sync_config_default_authorization_type_check" check ("default_authorization_type" in ('LDAP', 'LOCAL', 'SSO'));`);

    this.addSql(`alter table "sync_run" drop constraint "sync_run_phase_check";`);
    this.addSql(`alter table "sync_run" drop constraint "sync_run_status_check";`);
    // A run awaiting approval is still active: it keeps the config's single active-run slot.
    this.addSql(`drop index "sync_run_one_active_per_config";`);
    this.addSql(`create unique index "sync_run_one_active_per_config" on "sync_run" ("sync_config_id") where "status" in ('QUEUED', 'RUNNING', 'AWAITING_APPROVAL');`);
    this.addSql(`alter table "sync_run" add "dry_run" boolean not null default false, add "applied_at" timestamptz null;`);
    this.addSql(`alter table "sync_run" add constraint "sync_run_phase_check" check ("phase" in ('QUEUED', 'READ_USERS', 'READ_GROUPS', 'RESOLVE_MEMBERS', 'PLAN', 'AWAIT_APPROVAL', 'APPLY', 'COMMIT_ROLE_REQUESTS', 'PROVISION', 'CLEAN_UP', 'DONE'));`);
    this.addSql(`alter table "sync_run" add constraint "sync_run_status_check" check ("status" in ('QUEUED', 'RUNNING', 'AWAITING_APPROVAL', 'SUCCEEDED', 'FAILED', 'CANCELLED'));`);

    this.addSql(`alter table "identity" add constraint "identity_source_directory_id_foreign" foreign key ("source_directory_id") references "directory" ("id") on delete set null;`);
    this.addSql(`alter table "identity" add constraint "identity_authorization_type_check" check ("authorization_type" in ('LDAP', 'LOCAL', 'SSO'));`);
    this.addSql(`alter table "identity" add constraint "identity_deactivation_reason_check" check ("deactivation_reason" in ('NOT_IN_MAPPED_GROUP', 'NOT_FOUND_IN_DIRECTORY', 'MANUAL'));`);

    this.addSql(`alter table "manual_membership" add constraint "manual_membership_identity_id_foreign" foreign key ("identity_id") references "identity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "manual_membership" add constraint "manual_membership_app_group_id_foreign" foreign key ("app_group_id") references "app_group" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "plan_identity" add constraint "plan_identity_action_check" check ("action" in ('CREATE', 'UPDATE', 'DEACTIVATE', 'REACTIVATE'));`);

    this.addSql(`alter table "plan_membership" add constraint "plan_membership_action_check" check ("action" in ('ADD', 'REMOVE'));`);

    this.addSql(`alter table "group_mapping" add constraint "group_mapping_sync_config_id_foreign" foreign key ("sync_config_id") references "sync_config" ("id") on delete cascade;`);
    this.addSql(`alter table "group_mapping" add constraint "group_mapping_app_group_id_foreign" foreign key ("app_group_id") references "app_group" ("id") on delete cascade;`);

    this.addSql(`alter table "synced_membership" add constraint "synced_membership_identity_id_foreign" foreign key ("identity_id") references "identity" ("id") on delete cascade;`);
    this.addSql(`alter table "synced_membership" add constraint "synced_membership_app_group_id_foreign" foreign key ("app_group_id") references "app_group" ("id") on delete cascade;`);
    this.addSql(`alter table "synced_membership" add constraint "synced_membership_sync_config_id_foreign" foreign key ("sync_config_id") references "sync_config" ("id") on delete cascade;`);

    this.addSql(`alter table "run_log" add constraint "run_log_run_id_foreign" foreign key ("run_id") references "sync_run" ("id") on delete cascade;`);
    this.addSql(`alter table "run_log" add constraint "run_log_level_check" check ("level" in ('DEBUG', 'INFO', 'WARN', 'ERROR'));`);
    this.addSql(`alter table "run_log" add constraint "run_log_phase_check" check ("phase" in ('QUEUED', 'READ_USERS', 'READ_GROUPS', 'RESOLVE_MEMBERS', 'PLAN', 'AWAIT_APPROVAL', 'APPLY', 'COMMIT_ROLE_REQUESTS', 'PROVISION', 'CLEAN_UP', 'DONE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "manual_membership" drop constraint "manual_membership_app_group_id_foreign";`);
    this.addSql(`alter table "group_mapping" drop constraint "group_mapping_app_group_id_foreign";`);
    this.addSql(`alter table "synced_membership" drop constraint "synced_membership_app_group_id_foreign";`);
    this.addSql(`alter table "manual_membership" drop constraint "manual_membership_identity_id_foreign";`);
    this.addSql(`alter table "synced_membership" drop constraint "synced_membership_identity_id_foreign";`);

    this.addSql(`drop table if exists "app_group" cascade;`);
    this.addSql(`drop table if exists "identity" cascade;`);
    this.addSql(`drop table if exists "manual_membership" cascade;`);
    this.addSql(`drop table if exists "plan_identity" cascade;`);
    this.addSql(`drop table if exists "plan_membership" cascade;`);
    this.addSql(`drop table if exists "staged_edge" cascade;`);
    this.addSql(`drop table if exists "group_mapping" cascade;`);
    this.addSql(`drop table if exists "synced_membership" cascade;`);
    this.addSql(`drop table if exists "run_log" cascade;`);

    this.addSql(`alter table "sync_config" drop constraint "sync_config_default_authorization_type_check";`);
    this.addSql(`alter table "sync_config" drop column "auto_create_users", drop column "auto_deactivate_users", drop column "default_authorization_type", drop column "expand_nested_groups", drop column "safety_threshold_percent", drop column "schedule_enabled", drop column "schedule_interval_minutes", drop column "schedule_cron";`);

    this.addSql(`alter table "sync_run" drop constraint "sync_run_status_check";`);
    this.addSql(`alter table "sync_run" drop constraint "sync_run_phase_check";`);
    this.addSql(`alter table "sync_run" drop column "dry_run", drop column "applied_at";`);
    this.addSql(`alter table "sync_run" add constraint "sync_run_status_check" check ("status" in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'));`);
    this.addSql(`alter table "sync_run" add constraint "sync_run_phase_check" check ("phase" in ('QUEUED', 'READ_USERS', 'READ_GROUPS', 'RESOLVE_MEMBERS', 'PLAN', 'APPLY', 'COMMIT_ROLE_REQUESTS', 'PROVISION', 'CLEAN_UP', 'DONE'));`);
  }

}
