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
account-digest-label = M’envoyer chaque matin ouvré un résumé de mes dossiers ouverts, en commençant par ceux en retard ou à échéance proche.
