import { Migration20261125150628_initial } from './migration-20261125150628-initial.js';
import { Migration20261125152758_directory_sync } from './migration-20261125152758-directory-sync.js';
import { Migration20261125154459_role_sync } from './migration-20261125154459-role-sync.js';
import { Migration20261125155930_api_tokens } from './migration-20261125155930-api-tokens.js';
import { Migration20261125160737_run_retry } from './migration-20261125160737-run-retry.js';
import { Migration20261125175227_incremental_sync } from './migration-20261125175227-incremental-sync.js';
import { Migration20261125185826_directory_limits } from './migration-20261125185826-directory-limits.js';
import { Migration20261201065337_role_sync_indexes } from './migration-20261201065337-role-sync-indexes.js';
import { Migration20261201071957_memberships_and_roles_without_fks } from './migration-20261201071957-memberships-and-roles-without-fks.js';
import { Migration20261201095956_role_requests_hot_updates } from './migration-20261201095956-role-requests-hot-updates.js';
import { Migration20261201100537_role_request_items_without_fks } from './migration-20261201100537-role-request-items-without-fks.js';
import { Migration20261201112933_plan_context_digest } from './migration-20261201112933-plan-context-digest.js';
import { Migration20261201232000_edges_in_the_plan } from './migration-20261201232000-edges-in-the-plan.js';
import { Migration20261202010000_staged_user_without_digest } from './migration-20261202010000-staged-user-without-digest.js';
import { Migration20261202042712_adopted_staging } from './migration-20261202042712-adopted-staging.js';
import { Migration20261202140000_identity_versions } from './migration-20261202140000-identity-versions.js';
import { Migration20261202150000_group_member_value_arrays } from './migration-20261202150000-group-member-value-arrays.js';
import { Migration20261202170000_access_log_deltas } from './migration-20261202170000-access-log-deltas.js';
import { Migration20261202180000_changed_rows_plan } from './migration-20261202180000-changed-rows-plan.js';
import { Migration20261203100000_staging_partitioned_by_run } from './migration-20261203100000-staging-partitioned-by-run.js';
import { Migration20261207152110_staged_user_member_of_changes } from './migration-20261207152110-staged-user-member-of-changes.js';
import { Migration20261207180000_staged_group_member_without_key } from './migration-20261207180000-staged-group-member-without-key.js';
import { Migration20261207200000_staged_entry_digests } from './migration-20261207200000-staged-entry-digests.js';
import { Migration20261207203000_staged_group_entry_digests } from './migration-20261207203000-staged-group-entry-digests.js';

/** Every migration in order. Append new ones; never edit one that has been released. */
export const MIGRATIONS = [
  { name: 'Migration20261125150628_initial', class: Migration20261125150628_initial },
  { name: 'Migration20261125152758_directory_sync', class: Migration20261125152758_directory_sync },
  { name: 'Migration20261125154459_role_sync', class: Migration20261125154459_role_sync },
  { name: 'Migration20261125155930_api_tokens', class: Migration20261125155930_api_tokens },
  { name: 'Migration20261125160737_run_retry', class: Migration20261125160737_run_retry },
  { name: 'Migration20261125175227_incremental_sync', class: Migration20261125175227_incremental_sync },
  { name: 'Migration20261125185826_directory_limits', class: Migration20261125185826_directory_limits },
  { name: 'Migration20261201065337_role_sync_indexes', class: Migration20261201065337_role_sync_indexes },
  {
    name: 'Migration20261201071957_memberships_and_roles_without_fks',
    class: Migration20261201071957_memberships_and_roles_without_fks,
  },
  {
    name: 'Migration20261201095956_role_requests_hot_updates',
    class: Migration20261201095956_role_requests_hot_updates,
  },
  {
    name: 'Migration20261201100537_role_request_items_without_fks',
    class: Migration20261201100537_role_request_items_without_fks,
  },
  { name: 'Migration20261201112933_plan_context_digest', class: Migration20261201112933_plan_context_digest },
  { name: 'Migration20261201232000_edges_in_the_plan', class: Migration20261201232000_edges_in_the_plan },
  {
    name: 'Migration20261202010000_staged_user_without_digest',
    class: Migration20261202010000_staged_user_without_digest,
  },
  { name: 'Migration20261202042712_adopted_staging', class: Migration20261202042712_adopted_staging },
  { name: 'Migration20261202140000_identity_versions', class: Migration20261202140000_identity_versions },
  {
    name: 'Migration20261202150000_group_member_value_arrays',
    class: Migration20261202150000_group_member_value_arrays,
  },
  { name: 'Migration20261202170000_access_log_deltas', class: Migration20261202170000_access_log_deltas },
  { name: 'Migration20261202180000_changed_rows_plan', class: Migration20261202180000_changed_rows_plan },
  {
    name: 'Migration20261203100000_staging_partitioned_by_run',
    class: Migration20261203100000_staging_partitioned_by_run,
  },
  {
    name: 'Migration20261207152110_staged_user_member_of_changes',
    class: Migration20261207152110_staged_user_member_of_changes,
  },
  {
    name: 'Migration20261207180000_staged_group_member_without_key',
    class: Migration20261207180000_staged_group_member_without_key,
  },
  { name: 'Migration20261207200000_staged_entry_digests', class: Migration20261207200000_staged_entry_digests },
  {
    name: 'Migration20261207203000_staged_group_entry_digests',
    class: Migration20261207203000_staged_group_entry_digests,
  },
];
