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
account-digest = Daily e-mail
account-digest-label = Send me each working morning a summary of my open cases, with the overdue and due-soon ones first.
