/**
 * The identity's primary contract, the oldest should there be several (synced roles are assigned to it):
 * a lateral sub-select of `columns` for the identity id expression `identityId`, one probe of the
 * contract_primary_by_identity index. Join it with `cross join` (must exist) or `left join ... on true`.
 */
export function primaryContractOf(identityId: string, columns: string): string {
  return `lateral (select ${columns} from contract
    where identity_id = ${identityId} and "primary" order by created_at limit 1)`;
}
