-- Name search through an index of character pairs and triples (see app/src/domain/search.rs):
-- each enterprise's entries, and its names lower-cased for checking matches. The server
-- fills both for existing enterprises when it starts.
alter table enterprises add column search_name text;
create table enterprise_search_terms (
    term text not null,
    enterprise_id integer not null references enterprises (id),
    primary key (term, enterprise_id)
) without rowid;
create index enterprise_search_terms_enterprise on enterprise_search_terms (enterprise_id);
