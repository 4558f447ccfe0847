/**
 * A UUID version 7 made in SQL (PostgreSQL 15 has no uuidv7()): the first 48 bits are the Unix time in
 * milliseconds, the rest gen_random_uuid()'s random bits with the version set to 7. Keys made in time
 * order land at the right edge of their primary-key index; random ones touch a random page each, and
 * a million of them (a first role sync at 100k users) evict each other from shared buffers.
 */
export const TIME_ORDERED_UUID_SQL = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
  placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
  52, 1), 53, 1), 'hex')::uuid`;
