-- One export at a time per user, across every app server on this database: a user's running
-- export holds a lease, renewed while it streams and deleted when it ends. A lease whose
-- server stopped mid-export lapses at `expires_ms` (milliseconds since 1970, UTC).
create table export_leases (
    user_id bigint primary key references users (id) on delete cascade,
    token text not null,
    expires_ms bigint not null
);
