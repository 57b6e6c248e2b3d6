-- The promoted projects (推介项目库): what the city offers investors, written in Chinese with
-- English and French beside it, placed on a sub-chain (and a segment of its map), with its
-- officer to contact; a draft until published, when the portal shows it. The brochure's
-- issues (活页) present some of them; an investor's interest on the portal becomes a lead of
-- the project's officer, which keeps the enquiry as it was sent.
create table promoted_projects (
    id bigint generated always as identity primary key,
    title_zh text not null,
    title_en text not null default '',
    title_fr text not null default '',
    description_zh text not null,
    description_en text not null default '',
    description_fr text not null default '',
    offer_zh text not null default '',
    offer_en text not null default '',
    offer_fr text not null default '',
    sub_chain_id bigint not null references industry_sub_chains (id),
    segment_id bigint references chain_segments (id),
    county_id bigint references counties (id),
    investment_wan bigint not null,
    land_mu integer,
    cooperation text not null,
    officer_id bigint not null references users (id),
    status text not null default 'draft',
    published_at timestamptz,
    version integer not null default 1,
    created_by bigint not null references users (id),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (investment_wan > 0),
    check (land_mu is null or land_mu > 0),
    check (cooperation in ('joint_venture', 'wholly_owned', 'cooperation', 'open')),
    check (status in ('draft', 'published')),
    check (status = 'draft' or published_at is not null)
);
create index promoted_projects_by_status on promoted_projects (status, sub_chain_id, investment_wan);
create index promoted_projects_by_segment on promoted_projects (segment_id);

create table brochure_issues (
    id bigint generated always as identity primary key,
    number integer not null,
    theme_zh text not null,
    theme_en text not null default '',
    theme_fr text not null default '',
    issued_on date not null,
    created_by bigint not null references users (id),
    created_at timestamptz not null,
    check (number > 0)
);
create unique index brochure_issues_by_number on brochure_issues (number);

create table brochure_entries (
    issue_id bigint not null references brochure_issues (id),
    promoted_project_id bigint not null references promoted_projects (id),
    position integer not null,
    primary key (issue_id, promoted_project_id)
);
create index brochure_entries_by_project on brochure_entries (promoted_project_id);

alter table leads add column promoted_project_id bigint references promoted_projects (id);
create index leads_by_promoted_project on leads (promoted_project_id, status);
-- A lead may come from a delegation's outcome (an investment lead the visit brought).
alter table leads add column delegation_outcome_id bigint references delegation_outcomes (id);

-- An investor's expression of interest, as sent from the portal (the lead it became is its
-- officer's to follow).
create table interest_enquiries (
    id bigint generated always as identity primary key,
    promoted_project_id bigint not null references promoted_projects (id),
    lead_id bigint not null references leads (id),
    company text not null,
    country text not null,
    contact_name text not null,
    email text not null,
    phone text not null default '',
    language text not null,
    message text not null default '',
    created_at timestamptz not null
);
create unique index interest_enquiries_by_lead on interest_enquiries (lead_id);
