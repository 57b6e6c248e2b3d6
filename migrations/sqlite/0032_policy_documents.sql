-- The city's investment policy documents (招商政策): each with its issuer, document number
-- (文号) and date of issue, a title and a summary in Chinese with English and French beside
-- them where written. A document is in force until it is withdrawn, with the day and the
-- reason (the model city withdrew 22 non-compliant ones); the portal lists those in force.
create table policy_documents (
    id integer primary key,
    title_zh text not null,
    title_en text not null default '',
    title_fr text not null default '',
    issuer text not null,
    doc_number text not null default '',
    issued_on text not null,
    summary_zh text not null,
    summary_en text not null default '',
    summary_fr text not null default '',
    status text not null default 'in_force' check (status in ('in_force', 'withdrawn')),
    withdrawn_on text,
    withdrawn_reason text not null default '',
    version integer not null default 1,
    created_by integer references users (id),
    created_at text not null,
    updated_at text not null,
    check ((status = 'in_force' and withdrawn_on is null)
        or (status = 'withdrawn' and withdrawn_on is not null and withdrawn_reason <> ''))
);

-- One document per number (a number left empty is no number).
create unique index policy_documents_by_number on policy_documents (doc_number) where doc_number <> '';
create index policy_documents_by_status on policy_documents (status, issued_on, id);
