-- Migration 15: England and Wales charity numbers without leading zeros. The register writes
-- "512710"; grant lists pad it to "0512710"; both were kept, sometimes on one group. Numbers are
-- now read without the zeros (domain/identifier.rs), so stored ones are put in that form too, or
-- a file read again would no longer find its own number.
--
-- A group holding both forms keeps the register's.
DELETE FROM group_identifiers
 WHERE scheme = 'GB-CHC' AND value GLOB '0*'
   AND EXISTS (SELECT 1 FROM group_identifiers o
                WHERE o.scheme = 'GB-CHC' AND o.group_id = group_identifiers.group_id
                  AND o.value = ltrim(group_identifiers.value, '0'));
-- Otherwise the zeros go, unless another group holds the number without them (two groups with
-- one number are for the duplicates queue, not for a migration), or an earlier row of the same
-- number with other zeros takes it first.
UPDATE group_identifiers SET value = ltrim(value, '0')
 WHERE scheme = 'GB-CHC' AND value GLOB '0*' AND ltrim(value, '0') <> ''
   AND NOT EXISTS (SELECT 1 FROM group_identifiers o
                    WHERE o.scheme = 'GB-CHC' AND o.value = ltrim(group_identifiers.value, '0'))
   AND NOT EXISTS (SELECT 1 FROM group_identifiers o
                    WHERE o.scheme = 'GB-CHC' AND o.value GLOB '0*'
                      AND ltrim(o.value, '0') = ltrim(group_identifiers.value, '0')
                      AND (o.group_id, o.position) < (group_identifiers.group_id, group_identifiers.position));
