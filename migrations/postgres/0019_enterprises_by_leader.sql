-- The deadlines page shows a leader the overdue cases of the enterprises they are responsible
-- for: found from the leader's enterprises, not by reading every overdue case.
create index enterprises_responsible_leader on enterprises (responsible_leader_id) where responsible_leader_id is not null;
