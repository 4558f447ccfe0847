/**
 * The ORDER BY of bulk inserts into synced_membership and plan_membership, whose indexes lead with
 * identity_id, app_group_id and (the keys) end with ldap_group_dn_norm. Rows arriving in key order fill
 * index pages one after another instead of each touching a random page of an index larger than the
 * server's buffers: 970k synced memberships took 9.6 s in join order and 5.0 s sorted, the sort included.
 */
export function inMembershipKeyOrder(alias: string): string {
  return `order by ${alias}.identity_id, ${alias}.app_group_id, ${alias}.ldap_group_dn_norm`;
}
