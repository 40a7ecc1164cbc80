-- AWX's SmartInventoryMembership: the hosts a smart inventory's host_filter selects (one host
-- per name, within the inventory's organization), kept up to date by every writer of hosts and
-- facts (inventory_import, apply, the fact cache, deep_copy) in its own transaction, and
-- rebuilt before a job runs against the smart inventory.
CREATE TABLE smart_inventory_membership (
    inventory_id BIGINT NOT NULL REFERENCES inventory(id) ON DELETE CASCADE,
    host_id BIGINT NOT NULL REFERENCES host(id) ON DELETE CASCADE,
    PRIMARY KEY (inventory_id, host_id)
);
CREATE INDEX smart_inventory_membership_host ON smart_inventory_membership(host_id);
