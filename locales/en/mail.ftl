# Email: every message in its recipient’s language, and the outbox administrators watch.

mail-greeting = Hello { $name },
mail-greeting-anonymous = Hello,
mail-footer = This message was sent by Liaison, the case management system of the Foreign Affairs Office and the Investment Promotion Bureau. Do not reply to this email: contact your liaison officer instead.
mail-sender-name = Liaison
mail-no-due-date = no date set
mail-check-status = You can check the status of your request at any time at { $url } with its reference number and your access code.

mail-opened-subject = Your request { $reference } has been registered
mail-opened-intro = Your request "{ $title }" has been registered under the reference number { $reference }. Your liaison officer will give you the access code to follow it online.
mail-opened-intro-portal = Your request "{ $title }" has been registered under the reference number { $reference }. Follow it online with this reference number and the access code shown when you submitted it.
mail-opened-expected = We expect to answer by { $due }.

mail-update-subject = Update on your request { $reference }
mail-update-intro = There is news about your request { $reference } ("{ $title }"):
mail-update-other-language = This update is not available in English; here it is in { $language }.

mail-status-subject = Your request { $reference }: { $status }
mail-status-intro = The status of your request { $reference } ("{ $title }") is now: { $status }.
mail-status-expected = We expect to answer by { $due }.
mail-status-expected-none = We cannot yet say when we will answer; your liaison officer will let you know.
mail-status-awaiting = We need information from you before we can continue. Your liaison officer explains what is needed below; the deadline is paused until you reply.
mail-status-resolved = Your request has been resolved. If you think something is not right, contact your liaison officer.
mail-status-reason = Your liaison officer wrote:

mail-assigned-subject = New case { $reference }: { $title }
mail-assigned-body = The case { $reference } ("{ $title }", { $type }) of { $enterprise } has been assigned to you. It is due on { $due }.
mail-assigned-body-no-due = The case { $reference } ("{ $title }", { $type }) of { $enterprise } has been assigned to you. It has no due date yet.
mail-open-case = Open the case

mail-task-subject = New task for { $department }: case { $reference }
mail-task-body = The case { $reference } ("{ $title }") of { $enterprise } has been routed to { $department }. The task is due on { $due }.
mail-task-body-no-due = The case { $reference } ("{ $title }") of { $enterprise } has been routed to { $department }. The task has no due date yet.
mail-task-instructions = Instructions from the liaison officer:
mail-open-tasks = Open your department’s tasks

outbox-title = Outbox
outbox-hint = Every email Liaison sends goes through this outbox. Failed messages are retried automatically with growing pauses; a message that cannot be delivered is given up ("dead") and can be sent again from here.
outbox-state = State
outbox-state-all = All
outbox-state-pending = Waiting
outbox-state-failed = Failed, will retry
outbox-state-sent = Sent
outbox-state-dead = Given up
outbox-recipient = To
outbox-subject = Subject
outbox-attempts = Attempts
outbox-created = Queued
outbox-next-attempt = Next attempt
outbox-last-error = Last error
outbox-case = Case
outbox-retry = Send again
outbox-empty = No messages.
outbox-count = { $count ->
    [one] One message
   *[other] { $count } messages
}
outbox-filter = Show

mail-kind-case-opened = Request registered
mail-kind-public-update = Public update
mail-kind-status-changed = Status change
mail-kind-case-assigned = Case assigned
mail-kind-task-assigned = Task assigned
case-messages = Emails sent
case-messages-none = No emails about this case yet.

mail-at-risk-subject = Due soon: case { $reference }
mail-at-risk-body = The case { $reference } ("{ $title }") of { $enterprise } is due on { $due }.
mail-overdue-subject = Overdue: case { $reference }
mail-overdue-body = The case { $reference } ("{ $title }") of { $enterprise } was due on { $due } and is not yet resolved.
mail-task-overdue-subject = Overdue task for { $department }: case { $reference }
mail-task-overdue-body = The task of { $department } on case { $reference } ("{ $title }") was due on { $due } and is not done.

mail-digest-subject = Your cases on { $date }: { $overdue } overdue, { $at_risk } due soon
mail-digest-summary = { $open ->
    [one] You have one open case
   *[other] You have { $open } open cases
}: { $overdue } overdue and { $at_risk } due today or on the next working day.
mail-digest-overdue = Overdue:
mail-digest-at-risk = Due today or on the next working day:
mail-digest-on-track = On track:
mail-digest-paused = Waiting for the applicant (clock stopped):
mail-digest-no-date = Without a deadline:
mail-digest-open = Open my cases
mail-digest-switch-off = You receive this summary each working day. You can switch it off on your account page.
mail-kind-case-at-risk = Case due soon
mail-kind-case-overdue = Case overdue
mail-kind-task-overdue = Task overdue
mail-kind-digest = Daily digest

mail-replied-subject = The applicant answered on { $reference }
mail-replied-body = The applicant of { $reference } ("{ $title }") has answered your request for information. The case is back in progress with you.
mail-interest-subject = Your interest in “{ $title }”
mail-interest-intro = Thank you for your interest in the project “{ $title }”. Your message has reached the officer in charge of it.
mail-interest-officer = { $officer } will write to you shortly to answer your questions and arrange the next steps.
mail-interest-open = Read the project again
mail-portal-lead-subject = A new lead from the portal: { $company }
mail-portal-lead-intro = { $company } expressed interest in “{ $title }” on the portal. The lead is yours to follow: reply within two working days.
mail-portal-lead-open = Open the lead
mail-kind-interest-received = Interest acknowledged
mail-kind-portal-lead = Lead from the portal
