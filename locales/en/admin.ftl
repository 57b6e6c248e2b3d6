users-title = Staff accounts
users-new = New account
users-create = Create account
users-edit = Edit account
users-status = Status
users-active = Active
users-disabled = Disabled
users-last-login = Last sign-in
users-never = never
users-created-at = Account created on { $date }.
users-access = Access
users-disable = Disable account
users-enable = Enable account
users-session-count = { $count ->
    [0] No open sessions.
    [one] One open session.
   *[other] { $count } open sessions.
}
users-end-sessions = End all sessions
users-sessions-ended = All sessions of this account have ended.
users-reset-password = Reset password
users-password-reset-done = The password has been reset and the account’s sessions have ended. Give the new password to its owner in person or by phone.
users-history = History

audit-title = Audit log
audit-at = When
audit-actor = Who
audit-action = Action
audit-entity = Record
audit-changes = Changes
audit-address = Address
audit-any = (any)
audit-filter = Filter
audit-empty = Nothing recorded yet.
audit-older = Older entries
audit-action-login = Signed in
audit-action-login-failed = Failed sign-in
audit-action-logout = Signed out
audit-action-user-created = Account created
audit-action-user-updated = Account changed
audit-action-password-reset = Password reset
audit-action-password-changed = Password changed
audit-action-sessions-ended = Sessions ended
audit-action-language-changed = Language changed

audit-action-demo-loaded = Model city’s demo year loaded
