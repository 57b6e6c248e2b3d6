users-title = Comptes du personnel
users-new = Nouveau compte
users-create = Créer le compte
users-edit = Modifier le compte
users-status = Statut
users-active = Actif
users-disabled = Désactivé
users-last-login = Dernière connexion
users-never = jamais
users-created-at = Compte créé le { $date }.
users-access = Accès
users-disable = Désactiver le compte
users-enable = Réactiver le compte
users-session-count = { $count ->
    [0] Aucune session ouverte.
    [one] Une session ouverte.
   *[other] { $count } sessions ouvertes.
}
users-end-sessions = Fermer toutes les sessions
users-sessions-ended = Toutes les sessions de ce compte ont été fermées.
users-reset-password = Réinitialiser le mot de passe
users-password-reset-done = Le mot de passe a été réinitialisé et les sessions du compte ont été fermées. Communiquez le nouveau mot de passe à son titulaire en personne ou par téléphone.
users-history = Historique

audit-title = Journal d’audit
audit-at = Date
audit-actor = Auteur
audit-action = Action
audit-entity = Fiche
audit-changes = Modifications
audit-address = Adresse
audit-any = (toutes)
audit-filter = Filtrer
audit-empty = Rien n’a encore été enregistré.
audit-older = Entrées plus anciennes
audit-action-login = Connexion
audit-action-login-failed = Échec de connexion
audit-action-logout = Déconnexion
audit-action-user-created = Compte créé
audit-action-user-updated = Compte modifié
audit-action-password-reset = Mot de passe réinitialisé
audit-action-password-changed = Mot de passe changé
audit-action-sessions-ended = Sessions fermées
audit-action-language-changed = Langue changée

audit-action-demo-loaded = Année de démonstration de la ville modèle chargée
