import { Migration } from '@mikro-orm/migrations';

export class Migration20261125185826_directory_limits extends Migration {

  override name = 'Migration20261125185826_directory_limits';

  override up(): void | Promise<void> {
    this.addSql(`alter table "directory" add "max_concurrent_runs" int not null default 2, add "max_connections" int not null default 4;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "directory" drop column "max_concurrent_runs", drop column "max_connections";`);
  }

}
