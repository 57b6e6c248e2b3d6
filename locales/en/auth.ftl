login-title = Sign in
login-intro = Staff of the Foreign Affairs Office, the Investment Promotion Bureau and partner departments sign in here.
login-submit = Sign in
login-show-password = Show
login-hide-password = Hide
login-session-ended = Your session has ended. Please sign in again.

account-title = My account
account-language = Language
account-language-hint = Liaison will use this language for you on every device.
account-change-password = Change password
account-digest = Daily email
account-digest-label = Send me each working morning a summary of my open cases, with the overdue and due-soon ones first.

two-step-title = Two-step sign-in
two-step-code-intro = Enter the six-digit code that your authenticator app shows for Liaison, or one of your recovery codes.
field-one-time-code = Code
two-step-verify = Continue
two-step-password-title = Choose your own password
two-step-password-intro = An administrator set your password. Choose one that only you know before you continue.
two-step-enrol-title = Set up two-step sign-in
two-step-enrol-required = Your role requires a code from an authenticator app each time you sign in.
two-step-enrol-intro = Scan this QR code with an authenticator app (or type the key below into it), then enter the six-digit code it shows.
two-step-key = Key
two-step-recovery-title = Your recovery codes
two-step-recovery-intro = Keep these codes somewhere safe, away from your phone. Each one signs you in once if you lose your authenticator app. They are shown only now.
two-step-continue = Continue
two-step-on = Two-step sign-in is on: each sign-in asks for a code from your authenticator app.
two-step-turn-off = Turn off two-step sign-in
two-step-turn-off-intro = Enter a code from your authenticator app to turn two-step sign-in off.
two-step-required-note = Your role requires two-step sign-in, so it cannot be turned off.
two-step-account-link = Two-step sign-in
two-step-roles-title = Two-step sign-in by role
two-step-roles-intro = Members of the roles ticked here must enter a code from an authenticator app each time they sign in. Those who have not set it up are asked to at their next sign-in.
two-step-roles-save = Save
two-step-saved = Saved.
two-step-admins-without = { $count ->
    [one] One administrator signs in with a password alone.
   *[other] { $count } administrators sign in with a password alone.
}
field-wrong-code = This code is not right, or it has been used already. Check the time on your phone and enter the code shown now.
field-same-password = Choose a password other than the one the administrator set.
