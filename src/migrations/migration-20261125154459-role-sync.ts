import { Migration } from '@mikro-orm/migrations';

export class Migration20261125154459_role_sync extends Migration {

  override name = 'Migration20261125154459_role_sync';

  override up(): void | Promise<void> {
    this.addSql(`create table "contract" ("id" uuid not null, "identity_id" uuid not null, "position" text null, "primary" boolean not null default false, "valid_from" timestamptz null, "valid_till" timestamptz null, "excluded" boolean not null default false, "created_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create unlogged table "member_lookup" ("run_id" uuid not null, "member_dn_norm" text not null, "member_dn" text not null, "account_login" text null, "outcome" varchar(30) not null, primary key ("run_id", "member_dn_norm"));`);

    this.addSql(`create table "role_catalogue_node" ("id" uuid not null, "name" text not null, "code" varchar(1000) not null, "parent_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "role_catalogue_node" add constraint "role_catalogue_node_code_unique" unique ("code");`);

    this.addSql(`create table "role_request" ("id" uuid not null, "identity_id" uuid not null, "state" text not null default 'CONCEPT', "result_code" varchar(100) not null, "created_by_run_id" uuid null, "created_at" timestamptz not null, "executed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "role_request_created_by_run_id_index" on "role_request" ("created_by_run_id");`);
    this.addSql(`create index "role_request_identity_id_index" on "role_request" ("identity_id");`);

    this.addSql(`create table "role" ("id" uuid not null, "name" text not null, "code" varchar(400) not null, "description" text null, "source_directory_id" uuid null, "sync_config_id" uuid null, "system_identifier" text null, "member_directory_id" uuid null, "member_attribute" varchar(100) null, "role_membership_id" text null, "forward_provisioning" boolean not null default false, "skip_value_if_contract_excluded" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "role" add constraint "role_code_unique" unique ("code");`);
    this.addSql(`alter table "role" add constraint "role_source_directory_id_system_identifier_unique" unique ("source_directory_id", "system_identifier");`);

    this.addSql(`create table "role_request_item" ("id" uuid not null, "request_id" uuid not null, "role_id" uuid not null, "operation" text not null, "state" text not null default 'PENDING', "error" text null, "provisioning_state" text not null default 'NOT_NEEDED', "provisioning_message" text null, primary key ("id"));`);
    this.addSql(`create index "role_request_item_request_id_index" on "role_request_item" ("request_id");`);

    this.addSql(`create table "role_catalogue_placement" ("role_id" uuid not null, "node_id" uuid not null, primary key ("role_id", "node_id"));`);

    this.addSql(`create table "identity_role" ("id" uuid not null, "identity_id" uuid not null, "contract_id" uuid not null, "role_id" uuid not null, "origin" text not null, "sync_config_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "identity_role_role_id_index" on "identity_role" ("role_id");`);
    this.addSql(`create index "identity_role_identity_id_index" on "identity_role" ("identity_id");`);
    this.addSql(`alter table "identity_role" add constraint "identity_role_contract_id_role_id_unique" unique ("contract_id", "role_id");`);

    this.addSql(`alter table "identity" add "dn_norm" text null;`);
    this.addSql(`create index "identity_dn_norm_index" on "identity" ("dn_norm");`);

    this.addSql(`alter table "plan_identity" add "dn_norm" text null;`);

    this.addSql(`alter table "staged_group" add "description" text null, add "catalogue_value" text null;`);

    this.addSql(`alter table "sync_config" add "differential_sync" boolean not null default true, add "role_description_attribute" varchar(100) null, add "membership_management" boolean not null default false, add "member_directory_id" uuid null, add "member_attribute" varchar(100) null, add "assign_roles_to_identities" boolean not null default false, add "remove_roles_not_in_system" boolean not null default false, add "catalogue_enabled" boolean not null default false, add "catalogue_attribute" varchar(100) null, add "catalogue_main_node" text null, add "catalogue_strategy" text not null default 'ALL_UNDER_MAIN', add "forward_provisioning" boolean not null default false, add "skip_value_if_contract_excluded" boolean not null default false;`);
    this.addSql(`alter table "sync_config" add constraint "sync_config_member_directory_id_foreign" foreign key ("member_directory_id") references "directory" ("id") on delete set null;`);
    this.addSql(`alter table "sync_config" add constraint "sync_config_catalogue_strategy_check" check ("catalogue_strategy" in ('ALL_UNDER_MAIN', 'RESOLVE_BY_DN'));`);

    this.addSql(`alter table "contract" add constraint "contract_identity_id_foreign" foreign key ("identity_id") references "identity" ("id") on delete cascade;`);

    this.addSql(`alter table "role_catalogue_node" add constraint "role_catalogue_node_parent_id_foreign" foreign key ("parent_id") references "role_catalogue_node" ("id") on delete cascade;`);

    this.addSql(`alter table "role_request" add constraint "role_request_identity_id_foreign" foreign key ("identity_id") references "identity" ("id") on delete cascade;`);
    this.addSql(`alter table "role_request" add constraint "role_request_state_check" check ("state" in ('CONCEPT', 'EXECUTED', 'FAILED'));`);

    this.addSql(`alter table "role" add constraint "role_source_directory_id_foreign" foreign key ("source_directory_id") references "directory" ("id") on delete set null;`);
    this.addSql(`alter table "role" add constraint "role_sync_config_id_foreign" foreign key ("sync_config_id") references "sync_config" ("id") on delete set null;`);
    this.addSql(`alter table "role" add constraint "role_member_directory_id_foreign" foreign key ("member_directory_id") references "directory" ("id") on delete set null;`);

    this.addSql(`alter table "role_request_item" add constraint "role_request_item_request_id_foreign" foreign key ("request_id") references "role_request" ("id") on delete cascade;`);
    this.addSql(`alter table "role_request_item" add constraint "role_request_item_role_id_foreign" foreign key ("role_id") references "role" ("id") on delete cascade;`);
    this.addSql(`alter table "role_request_item" add constraint "role_request_item_operation_check" check ("operation" in ('ADD', 'REMOVE'));`);
    this.addSql(`alter table "role_request_item" add constraint "role_request_item_state_check" check ("state" in ('PENDING', 'EXECUTED', 'FAILED'));`);
    this.addSql(`alter table "role_request_item" add constraint "role_request_item_provisioning_state_check" check ("provisioning_state" in ('NOT_NEEDED', 'PENDING', 'PROVISIONED', 'SKIPPED', 'FAILED'));`);

    this.addSql(`alter table "role_catalogue_placement" add constraint "role_catalogue_placement_role_id_foreign" foreign key ("role_id") references "role" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "role_catalogue_placement" add constraint "role_catalogue_placement_node_id_foreign" foreign key ("node_id") references "role_catalogue_node" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "identity_role" add constraint "identity_role_identity_id_foreign" foreign key ("identity_id") references "identity" ("id") on delete cascade;`);
    this.addSql(`alter table "identity_role" add constraint "identity_role_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on delete cascade;`);
    this.addSql(`alter table "identity_role" add constraint "identity_role_role_id_foreign" foreign key ("role_id") references "role" ("id") on delete cascade;`);
    this.addSql(`alter table "identity_role" add constraint "identity_role_sync_config_id_foreign" foreign key ("sync_config_id") references "sync_config" ("id") on delete set null;`);
    this.addSql(`alter table "identity_role" add constraint "identity_role_origin_check" check ("origin" in ('SYNC', 'MANUAL'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "identity_role" drop constraint "identity_role_contract_id_foreign";`);
    this.addSql(`alter table "role_catalogue_node" drop constraint "role_catalogue_node_parent_id_foreign";`);
    this.addSql(`alter table "role_catalogue_placement" drop constraint "role_catalogue_placement_node_id_foreign";`);
    this.addSql(`alter table "role_request_item" drop constraint "role_request_item_request_id_foreign";`);
    this.addSql(`alter table "role_request_item" drop constraint "role_request_item_role_id_foreign";`);
    this.addSql(`alter table "role_catalogue_placement" drop constraint "role_catalogue_placement_role_id_foreign";`);
    this.addSql(`alter table "identity_role" drop constraint "identity_role_role_id_foreign";`);

    this.addSql(`drop table if exists "contract" cascade;`);
    this.addSql(`drop table if exists "member_lookup" cascade;`);
    this.addSql(`drop table if exists "role_catalogue_node" cascade;`);
    this.addSql(`drop table if exists "role_request" cascade;`);
    this.addSql(`drop table if exists "role" cascade;`);
    this.addSql(`drop table if exists "role_request_item" cascade;`);
    this.addSql(`drop table if exists "role_catalogue_placement" cascade;`);
    this.addSql(`drop table if exists "identity_role" cascade;`);

    this.addSql(`alter table "sync_config" drop constraint "sync_config_member_directory_id_foreign";`);

    this.addSql(`drop index "identity_dn_norm_index";`);
    this.addSql(`alter table "identity" drop column "dn_norm";`);

    this.addSql(`alter table "plan_identity" drop column "dn_norm";`);

    this.addSql(`alter table "staged_group" drop column "description", drop column "catalogue_value";`);

    this.addSql(`alter table "sync_config" drop constraint "sync_config_catalogue_strategy_check";`);
    this.addSql(`alter table "sync_config" drop column "differential_sync", drop column "role_description_attribute", drop column "membership_management", drop column "member_directory_id", drop column "member_attribute", drop column "assign_roles_to_identities", drop column "remove_roles_not_in_system", drop column "catalogue_enabled", drop column "catalogue_attribute", drop column "catalogue_main_node", drop column "catalogue_strategy", drop column "forward_provisioning", drop column "skip_value_if_contract_excluded";`);
  }

}
