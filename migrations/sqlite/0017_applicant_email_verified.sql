-- An e-mail address typed into the public portal has not proved itself until its owner types
-- the access code back (or follows a link): until then Liaison writes to it only the
-- reference and standard text, never words the visitor chose, so the portal cannot be used
-- to send strangers mail. Addresses staff entered are known.
alter table cases add column applicant_email_verified boolean not null default true;
update cases set applicant_email_verified = false where source = 'portal';
