login-title = Connexion
login-intro = Le personnel du Bureau des affaires étrangères, du Bureau de promotion des investissements et des services partenaires se connecte ici.
login-submit = Se connecter
login-show-password = Afficher
login-hide-password = Masquer
login-session-ended = Votre session a pris fin. Veuillez vous reconnecter.

account-title = Mon compte
account-language = Langue
account-language-hint = Liaison utilisera cette langue pour vous sur tous vos appareils.
account-change-password = Changer le mot de passe
account-digest = Courriel quotidien
account-digest-label = M’envoyer chaque jour ouvré, le matin, un résumé de mes dossiers ouverts, en commençant par ceux en retard ou à échéance proche.

two-step-title = Connexion en deux étapes
two-step-code-intro = Saisissez le code à six chiffres que votre application d’authentification affiche pour Liaison, ou l’un de vos codes de secours.
field-one-time-code = Code
two-step-verify = Continuer
two-step-password-title = Choisissez votre propre mot de passe
two-step-password-intro = Votre mot de passe a été défini par un administrateur. Choisissez-en un que vous seul connaissez avant de continuer.
two-step-enrol-title = Activer la connexion en deux étapes
two-step-enrol-required = Votre rôle exige un code d’une application d’authentification à chaque connexion.
two-step-enrol-intro = Scannez ce code QR avec une application d’authentification (ou saisissez-y la clé ci-dessous), puis entrez le code à six chiffres qu’elle affiche.
two-step-key = Clé
two-step-recovery-title = Vos codes de secours
two-step-recovery-intro = Conservez ces codes en lieu sûr, à l’écart de votre téléphone. Chacun permet de vous connecter une fois si vous perdez votre application d’authentification. Ils ne sont affichés qu’une seule fois.
two-step-continue = Continuer
two-step-on = La connexion en deux étapes est activée : chaque connexion demande un code de votre application d’authentification.
two-step-turn-off = Désactiver la connexion en deux étapes
two-step-turn-off-intro = Saisissez un code de votre application d’authentification pour désactiver la connexion en deux étapes.
two-step-required-note = Votre rôle exige la connexion en deux étapes ; elle ne peut pas être désactivée.
two-step-account-link = Connexion en deux étapes
two-step-roles-title = Connexion en deux étapes par rôle
two-step-roles-intro = Les membres des rôles cochés ici doivent saisir un code d’une application d’authentification à chaque connexion. Ceux qui ne l’ont pas encore activée y sont invités à leur prochaine connexion.
two-step-roles-save = Enregistrer
two-step-saved = Enregistré.
two-step-admins-without = { $count ->
    [0] Aucun administrateur ne se connecte avec un simple mot de passe.
    [one] Un administrateur se connecte avec un simple mot de passe.
   *[other] { $count } administrateurs se connectent avec un simple mot de passe.
}
field-wrong-code = Ce code n’est pas correct ou a déjà été utilisé. Vérifiez l’heure de votre téléphone et saisissez le code affiché maintenant.
field-same-password = Choisissez un mot de passe différent de celui défini par l’administrateur.
