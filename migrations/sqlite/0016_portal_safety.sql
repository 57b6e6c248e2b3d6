-- Wrong access codes are counted per reference and address: six wrong codes from one place no
-- longer lock the reference's real owner out everywhere. (Runs in progress are dropped: they
-- last minutes.)
drop table portal_lockouts;
create table portal_lockouts (
    reference text not null,
    address text not null,
    failures integer not null,
    first_failure_at text not null,
    locked_until text,
    primary key (reference, address)
);

-- Leaving the portal ends its sessions on the server: a session made before this moment (in
-- milliseconds since 1970) is no longer accepted, on any browser.
alter table cases add column portal_signed_out_ms bigint;
