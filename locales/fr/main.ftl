app-name = Liaison
app-tagline = Bureau des affaires étrangères · Bureau de promotion des investissements
shell-skip-to-content = Aller au contenu principal
shell-language = Langue
shell-footer = Liaison — gestion des dossiers des affaires étrangères et de la promotion des investissements.

nav-label = Navigation principale
nav-home = Accueil
nav-users = Comptes du personnel
nav-audit = Journal d’audit
nav-account = Mon compte
nav-logout = Se déconnecter

home-title = Vue d’ensemble
home-welcome = Bienvenue, { $name }.
home-your-role = Vous êtes connecté(e) en tant que { $role }.
home-users-text = Créer et modifier les comptes du personnel, réinitialiser les mots de passe, fermer les sessions.
home-audit-text = Qui a modifié quoi, et quand : connexions et toutes les actions d’administration.
home-account-text = Changer votre mot de passe et la langue dans laquelle Liaison s’adresse à vous.

notfound-title = Page introuvable
notfound-text = Il n’y a pas de page à cette adresse. Vérifiez le lien ou revenez à la vue d’ensemble.
forbidden-title = Accès non autorisé
forbidden-text = Votre rôle ne donne pas accès à cette page. Adressez-vous à un administrateur si vous en avez besoin.
error-page-title = Impossible d’afficher cette page

common-loading = Chargement…
common-save = Enregistrer
common-saved = Vos modifications ont été enregistrées.

role-admin = Administrateur
role-protocol-officer = Chargé(e) du protocole
role-liaison-officer = Chargé(e) de liaison
role-department-liaison = Correspondant(e) de service
role-leader = Responsable

error-not-authenticated = Veuillez vous connecter pour continuer.
error-forbidden = Vous n’êtes pas autorisé(e) à effectuer cette action.
error-not-found = Cet enregistrement n’existe pas (ou plus).
error-invalid-credentials = L’adresse de courriel ou le mot de passe est incorrect.
error-too-many-attempts = Trop de tentatives de connexion échouées. Veuillez patienter 15 minutes avant de réessayer.
error-busy = Liaison traite de nombreuses demandes en ce moment. Veuillez réessayer dans quelques secondes.
error-export-running = Un de vos exports est encore en préparation. Veuillez réessayer une fois son téléchargement terminé.
error-malformed-form = Le formulaire n’a pas pu être lu et rien n’a été enregistré. Veuillez recharger la page et l’envoyer de nouveau.
error-stale-version = Quelqu’un d’autre a enregistré cette fiche pendant que vous la modifiiez. Rien n’a été écrasé : rechargez la page pour voir ses modifications, puis refaites les vôtres.
error-cannot-change-self = Cette modification ne laisserait personne pour administrer Liaison ; elle n’a pas été effectuée.
error-invalid = Veuillez corriger les champs signalés.
error-internal = Un problème est survenu de notre côté et rien n’a été enregistré. Veuillez réessayer ; si le problème persiste, contactez votre administrateur.
error-communication = Liaison est injoignable. Vérifiez votre connexion et réessayez.

field-required = Ce champ est obligatoire.
field-too-long = Ce texte est trop long.
field-invalid-characters = Ce texte contient des caractères non autorisés.
field-invalid-email = Saisissez une adresse de courriel, par exemple nom@exemple.fr.
field-password-too-short = Le mot de passe doit comporter au moins { $min } caractères.
field-password-too-common = Ce mot de passe figure parmi les plus utilisés et se devine facilement. Choisissez-en un autre.
field-page-out-of-range = Cette page n’existe pas dans la liste.
field-password-mismatch = Les deux mots de passe ne correspondent pas.
field-wrong-password = Votre mot de passe actuel est incorrect.
field-email-taken = Un autre compte utilise déjà cette adresse de courriel.
field-unknown-role = Choisissez un rôle dans la liste.
field-unknown-locale = Choisissez une langue dans la liste.
field-department-required = Un(e) correspondant(e) de service doit être rattaché(e) à un service.
field-unknown-department = Choisissez un service dans la liste.
field-unknown-country = Choisissez un pays dans la liste.

field-email = Adresse de courriel
field-password = Mot de passe
field-display-name = Nom
field-role = Rôle
field-department = Service
field-department-none = (aucun)
field-department-hint = Obligatoire pour les correspondant(e)s de service : ils ne voient que les tâches de leur service.
field-language = Langue
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-confirm-password = Répétez le nouveau mot de passe
field-initial-password = Mot de passe initial
field-password-hint = Au moins { $min } caractères. Une phrase de passe de plusieurs mots se retient facilement.

common-any = (tous)
common-choose = Choisir…
common-none = (aucun)
label-separator = {" : "}
list-separator = {", "}
text-with-aside = { $text } ({ $aside })
common-yes = Oui
common-no = Non
common-pages = Pages
common-previous = Page précédente
common-next = Page suivante
common-export-csv = Exporter en CSV (Excel)

field-credit-code-format = Un code unifié de crédit social comporte 18 caractères : chiffres et majuscules, sauf I, O, S, V et Z.
field-credit-code-check = Ce code unifié de crédit social n’est pas valide : son dernier caractère ne correspond pas. Vérifiez-le sur la licence d’exploitation.
field-credit-code-taken = Une autre entreprise est déjà enregistrée avec ce code unifié de crédit social.
field-unknown-industry-chain = Choisissez une filière dans la liste.
field-invalid-number = Saisissez un nombre entier, par exemple 120.
field-invalid-amount = Saisissez un montant en dollars US, par exemple 9 200 000 ou 1 250,50.
field-more-than-employees = Il ne peut y avoir plus de salariés étrangers que de salariés.
field-unknown-lifecycle = Choisissez une étape dans la liste.
field-unknown-officer = Choisissez un(e) chargé(e) de liaison dans la liste.
field-handover-note-required = Rédigez une note de passation pour le nouveau chargé de liaison.
field-unknown-contact-kind = Choisissez visite, appel ou réunion.
field-invalid-date = Saisissez une date, par exemple 2026-11-25.
field-date-in-future = Un contact ne peut pas être enregistré dans le futur.
nav-outbox = Boîte d’envoi
home-outbox-text = Tous les courriels envoyés par Liaison, leur remise, et ceux à renvoyer.
