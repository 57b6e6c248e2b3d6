-- A name search reads its page straight from the index, in the list's order: each entry
-- carries its enterprise's Chinese name (kept current whenever the enterprise is saved), and
-- an entry's enterprises are indexed by that name.
alter table enterprise_search_terms add column name_zh text not null default '';
update enterprise_search_terms
   set name_zh = (select e.name_zh from enterprises e where e.id = enterprise_search_terms.enterprise_id);
create index enterprise_search_terms_name on enterprise_search_terms (term, name_zh, enterprise_id);
