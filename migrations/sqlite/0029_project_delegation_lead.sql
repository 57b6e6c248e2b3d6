-- A project registered from a delegation's investment lead (an outcome of kind 'lead') keeps
-- the outcome it came from: the delegation's page shows the project the lead became, the
-- project's page the delegation it came from. A lead becomes one project at most.
alter table projects add column delegation_outcome_id integer references delegation_outcomes (id);
create unique index projects_by_delegation_outcome on projects (delegation_outcome_id)
    where delegation_outcome_id is not null;
