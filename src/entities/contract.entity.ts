import { defineEntity, p } from '@mikro-orm/core';
import { cascadeDeletesTrigger } from './cascade-deletes.js';
import { Identity } from './identity.entity.js';

/** An identity's contract (employment); roles are assigned to a contract, synced roles to the primary one. */
export const ContractSchema = defineEntity({
  name: 'Contract',
  tableName: 'contract',
  triggers: [cascadeDeletesTrigger(['delete from identity_role where contract_id = old.id;'])],
  indexes: [
    {
      // Each identity's primary contract, looked up per role request when a role sync executes.
      name: 'contract_primary_by_identity',
      expression:
        'create index "contract_primary_by_identity" on "contract" ("identity_id", "created_at") where "primary"',
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    identity: () => p.manyToOne(Identity).deleteRule('cascade'),
    position: p.text().nullable(),
    primary: p.boolean().default(false),
    validFrom: p.datetime().nullable(),
    validTill: p.datetime().nullable(),
    /** An excluded contract (e.g. long leave) contributes no values when skipValueIfContractExcluded is set. */
    excluded: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Contract extends ContractSchema.class {}
ContractSchema.setClass(Contract);
