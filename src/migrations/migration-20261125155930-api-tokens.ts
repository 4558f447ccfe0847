import { Migration } from '@mikro-orm/migrations';

export class Migration20261125155930_api_tokens extends Migration {

  override name = 'Migration20261125155930_api_tokens';

  override up(): void | Promise<void> {
    this.addSql(`create table "api_token" ("id" uuid not null, "name" varchar(200) not null, "role" text not null, "token_hash" varchar(64) not null, "prefix" varchar(16) not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "api_token" add constraint "api_token_role_check" check ("role" in ('VIEWER', 'OPERATOR', 'ADMIN'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "api_token" cascade;`);
  }

}
