import { Migration } from '@mikro-orm/migrations';

export class Migration20261201232000_edges_in_the_plan extends Migration {

  override name = 'Migration20261201232000_edges_in_the_plan';

  override up(): void | Promise<void> {
    this.addSql(`drop table if exists "staged_edge";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create unlogged table "staged_edge" ("run_id" uuid not null, "user_dn_norm" text not null, "group_dn_norm" text not null, primary key ("run_id", "user_dn_norm", "group_dn_norm"));`);
  }

}
