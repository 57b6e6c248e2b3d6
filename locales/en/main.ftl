app-name = Liaison
app-tagline = Foreign Affairs Office · Investment Promotion Bureau
shell-skip-to-content = Skip to main content
shell-language = Language
shell-footer = Liaison — case management for foreign affairs and investment promotion.

nav-label = Main navigation
nav-home = Home
nav-users = Staff accounts
nav-audit = Audit log
nav-account = My account
nav-logout = Sign out

home-title = Overview
home-welcome = Welcome, { $name }.
home-your-role = You are signed in as { $role }.
home-users-text = Create and edit staff accounts, reset passwords and end sessions.
home-audit-text = Who changed what, and when: sign-ins and every administrative action.
home-account-text = Change your password and the language Liaison speaks to you.

notfound-title = Page not found
notfound-text = There is no page at this address. Check the link or go back to the overview.
forbidden-title = Not permitted
forbidden-text = Your role does not give access to this page. Ask an administrator if you need it.
error-page-title = This page cannot be shown

common-loading = Loading…
common-save = Save
common-saved = Your changes have been saved.

role-admin = Administrator
role-protocol-officer = Protocol officer
role-liaison-officer = Liaison officer
role-department-liaison = Department liaison
role-leader = Leader

error-not-authenticated = Please sign in to continue.
error-forbidden = You are not permitted to do this.
error-not-found = This record does not exist (any more).
error-invalid-credentials = The email address or password is not correct.
error-too-many-attempts = Too many failed sign-in attempts. Please wait 15 minutes and try again.
error-busy = Liaison is handling many requests at this moment. Please try again in a few seconds.
error-export-running = An export of yours is still being prepared. Please try again once it has downloaded.
error-malformed-form = The form could not be read, and nothing was saved. Please reload the page and send it again.
error-stale-version = Someone else saved this record while you were editing it. Nothing was overwritten: reload the page to see their changes, then make yours again.
error-cannot-change-self = This change would leave nobody able to administer Liaison, so it was not made.
error-invalid = Please correct the highlighted fields.
error-internal = Something went wrong on our side and nothing was saved. Please try again; if it persists, contact your administrator.
error-communication = Liaison could not be reached. Check your connection and try again.

field-required = This field is required.
field-too-long = This is too long.
field-invalid-characters = This contains characters that are not allowed.
field-invalid-email = Enter an email address such as name@example.com.
field-password-too-short = The password must have at least { $min } characters.
field-password-too-common = This password is among the most used ones and is easily guessed. Choose another.
field-page-out-of-range = There is no such page in this list.
field-password-mismatch = The two passwords do not match.
field-wrong-password = Your current password is not correct.
field-email-taken = Another account already uses this email address.
field-unknown-role = Choose a role from the list.
field-unknown-locale = Choose a language from the list.
field-department-required = A department liaison must belong to a department.
field-unknown-department = Choose a department from the list.
field-unknown-country = Choose a country from the list.

field-email = Email address
field-password = Password
field-display-name = Name
field-role = Role
field-department = Department
field-department-none = (none)
field-department-hint = Required for department liaisons: they see only their department’s tasks.
field-language = Language
field-current-password = Current password
field-new-password = New password
field-confirm-password = Repeat the new password
field-initial-password = Initial password
field-password-hint = At least { $min } characters. A passphrase of several words is easy to remember.

common-any = (any)
common-choose = Choose…
common-none = (none)
label-separator = {": "}
list-separator = {", "}
text-with-aside = { $text } ({ $aside })
common-yes = Yes
common-no = No
common-pages = Pages
common-previous = Previous page
common-next = Next page
common-export-csv = Export as CSV (Excel)

field-credit-code-format = A unified social credit code has 18 characters: digits and capital letters except I, O, S, V and Z.
field-credit-code-check = This unified social credit code is not valid: its last character does not match. Check it against the business licence.
field-credit-code-taken = Another enterprise is already registered with this unified social credit code.
field-unknown-industry-chain = Choose an industry chain from the list.
field-invalid-number = Enter a whole number, such as 120.
field-invalid-amount = Enter an amount in US dollars, such as 9,200,000 or 1250.50.
field-more-than-employees = There cannot be more foreign staff than employees.
field-unknown-lifecycle = Choose a stage from the list.
field-unknown-officer = Choose a liaison officer from the list.
field-handover-note-required = Write a handover note for the new liaison officer.
field-unknown-contact-kind = Choose visit, call or meeting.
field-invalid-date = Enter a date such as 2026-11-25.
field-date-in-future = A contact cannot be recorded in the future.
nav-outbox = Outbox
home-outbox-text = Every email Liaison sends, whether it was delivered, and the ones to send again.
