-- A project whose investor has registered its local company names that enterprise (found by
-- its unified social credit code): the project's page links to it, and a case opened for the
-- project's problems belongs to it.
alter table projects add column enterprise_id bigint references enterprises (id);
create index projects_by_enterprise on projects (enterprise_id);
