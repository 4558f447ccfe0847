import { Migration } from '@mikro-orm/migrations';

const TABLES = ['staged_user', 'staged_group', 'staged_group_member'];

/**
 * The staging tables become partitioned by run_id, one partition per run (src/db/staging-partitions.ts):
 * the rows there are moved into a partition of their run each. The parents hold no rows themselves, so
 * only the partitions are unlogged (PostgreSQL 18 refuses an unlogged partitioned table).
 */
export class Migration20261203100000_staging_partitioned_by_run extends Migration {

  override name = 'Migration20261203100000_staging_partitioned_by_run';

  override up(): void | Promise<void> {
    for (const table of TABLES) {
      this.addSql(`alter table "${table}" rename to "${table}_unpartitioned";`);
      this.addSql(`alter index "${table}_pkey" rename to "${table}_unpartitioned_pkey";`);
    }
    this.addSql(`create table "staged_user" (like "staged_user_unpartitioned" including defaults, primary key ("run_id", "dn_norm")) partition by list ("run_id");`);
    this.addSql(`create table "staged_group" (like "staged_group_unpartitioned" including defaults, primary key ("run_id", "dn_norm")) partition by list ("run_id");`);
    this.addSql(`create table "staged_group_member" (like "staged_group_member_unpartitioned" including defaults, primary key ("run_id", "group_dn_norm", "member_value")) partition by list ("run_id");`);
    this.addSql(`do $$
      declare run uuid; t text;
      begin
        for run in select run_id from staged_user_unpartitioned union select run_id from staged_group_unpartitioned
                   union select run_id from staged_group_member_unpartitioned loop
          foreach t in array array['staged_user', 'staged_group', 'staged_group_member'] loop
            execute format('create unlogged table %I partition of %I for values in (%L)',
                           t || '_' || replace(run::text, '-', ''), t, run);
          end loop;
        end loop;
        foreach t in array array['staged_user', 'staged_group', 'staged_group_member'] loop
          execute format('insert into %I select * from %I', t, t || '_unpartitioned');
          execute format('drop table %I', t || '_unpartitioned');
        end loop;
      end $$;`);
  }

  override down(): void | Promise<void> {
    for (const table of TABLES) {
      this.addSql(`create unlogged table "${table}_unpartitioned" (like "${table}" including defaults);`);
      this.addSql(`insert into "${table}_unpartitioned" select * from "${table}";`);
      this.addSql(`drop table "${table}";`);
      this.addSql(`alter table "${table}_unpartitioned" rename to "${table}";`);
    }
    this.addSql(`alter table "staged_user" add primary key ("run_id", "dn_norm");`);
    this.addSql(`alter table "staged_group" add primary key ("run_id", "dn_norm");`);
    this.addSql(`alter table "staged_group_member" add primary key ("run_id", "group_dn_norm", "member_value");`);
  }

}
