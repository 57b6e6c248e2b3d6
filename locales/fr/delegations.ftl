nav-delegations = Délégations
common-remove = Retirer
common-actions = Actions

delegations-title = Délégations
delegations-new = Nouvelle délégation
delegations-create = Enregistrer la délégation
delegations-none = Aucune délégation ne correspond à ces filtres.
delegation-edit = Modifier les informations de la délégation
delegation-members = Membres
delegation-print-programme = Imprimer le programme
delegation-download-ics = Télécharger le calendrier (.ics)
delegation-change-status = Changer le statut
delegation-new-status = Nouveau statut
delegation-reason = Motif
delegation-reason-hint = Obligatoire pour annuler, et pour confirmer un programme dont des ressources sont réservées deux fois.
delegation-confirmed-over-clashes = Confirmé malgré des doubles réservations :
delegation-clashes = { $count ->
    [0] Aucune double réservation
    [one] Une ressource est réservée deux fois
   *[other] { $count } doubles réservations de ressources
}
delegation-language-gaps = Aucun interprète n’est réservé pour une langue parlée par les membres :
delegation-language-gap = { $item } — en { $language }

delegation-field-direction = Sens
delegation-field-status = Statut
delegation-field-year = Année
delegation-field-title = Intitulé
delegation-field-organisation = Organisation
delegation-field-countries = Pays
delegation-field-countries-hint = Maintenez Ctrl (⌘ sur Mac) pour en choisir plusieurs.
delegation-field-language = Langue du programme
delegation-field-language-hint = Le programme imprimé présente le chinois à côté de cette langue.
delegation-field-starts-on = Premier jour
delegation-field-ends-on = Dernier jour
delegation-field-dates = Dates
delegation-field-purpose = Objet de la visite
delegation-field-officer = Chargé(e) du protocole

delegation-direction-incoming = Délégation reçue
delegation-direction-outgoing = Mission à l’étranger
delegation-status-draft = Brouillon
delegation-status-approved = Approuvée
delegation-status-confirmed = Confirmée
delegation-status-in-progress = En cours
delegation-status-completed = Terminée
delegation-status-cancelled = Annulée

activity-meeting = Entretien
activity-banquet = Banquet
activity-site-visit = Visite de site
activity-signing = Cérémonie de signature
activity-transfer = Transfert
activity-free-time = Temps libre

itinerary-title = Programme
itinerary-none = Le programme ne comporte encore aucun point.
itinerary-add = Ajouter un point au programme
itinerary-add-button = Ajouter ce point
itinerary-clash-refused = Rien n’a été enregistré : ces ressources sont déjà réservées à ce moment-là. Choisissez-en d’autres, changez l’horaire ou réservez quand même.
itinerary-book-anyway = J’ai vu les doubles réservations ; réserver quand même
itinerary-booked-over-clashes = { $count ->
    [0] Le point a été enregistré.
    [one] Le point a été enregistré malgré une double réservation.
   *[other] Le point a été enregistré malgré { $count } doubles réservations.
}

item-field-day = Jour
item-field-starts = Début
item-field-ends = Fin
item-field-time = Horaire
item-field-activity = Activité
item-field-title = Point du programme
item-field-title-zh = Intitulé en chinois
item-field-title-foreign = Intitulé dans la langue de la délégation ({ $language })
item-field-venue = Lieu
item-field-resources = Interprètes, officiels et véhicules
item-field-participants = Participants
item-field-notes = Notes (internes)

member-add = Ajouter un membre
member-field-passport-name = Nom (comme sur le passeport)
member-field-chinese-name = Nom chinois
member-field-title = Fonction
member-field-organisation = Organisation
member-field-language = Langue
member-field-dietary = Régime alimentaire
member-field-passport-number = Numéro de passeport

resources-title = Lieux, véhicules, interprètes et officiels
resources-none = Aucune ressource pour l’instant.
resources-add = Ajouter une ressource
resource-field-kind = Type
resource-field-name = Nom
resource-field-languages = Langues
resource-field-languages-hint = Interprètes : les langues qu’ils traduisent depuis et vers le chinois.
resource-field-details = Précisions
resource-kind-venue = Lieu
resource-kind-vehicle = Véhicule
resource-kind-interpreter = Interprète
resource-kind-official = Officiel

programme-title = Programme
programme-dates = du { $from } au { $to }
programme-time = Horaire
programme-column = Programme
programme-venue = Lieu :
programme-hosts = Hôtes :
programme-interpreters = Interprètes :
programme-participants = Participants :
programme-members = Membres de la délégation
programme-empty = Le programme n’est pas encore établi.
programme-back = Retour à la délégation
programme-footer = Heures de Pékin (UTC+8).

error-booking-clashes = Cette réservation entre en conflit avec d’autres.
field-unknown-direction = Choisissez délégation reçue ou mission à l’étranger.
field-ends-before-start = La fin doit être postérieure au début.
field-unknown-resource-kind = Choisissez un type de ressource.
field-interpreter-needs-language = Indiquez au moins une langue de travail de l’interprète.
field-resource-name-taken = Une ressource de ce type porte déjà ce nom.
field-invalid-time = Saisissez une heure au format HH:MM, par exemple 09:30.
field-unknown-activity = Choisissez une activité.
field-unknown-resource = Choisissez des ressources dans la liste.
field-day-outside-visit = Le jour doit être compris dans les dates de la délégation.
field-delegation-closed = Cette délégation est terminée ou annulée ; son programme ne peut plus changer.
field-clashes-need-override = Des ressources sont réservées deux fois : indiquez le motif pour confirmer quand même, ou résolvez d’abord les conflits.

audit-action-personal-data-viewed = Données personnelles consultées
audit-action-delegation-created = Délégation enregistrée
audit-action-delegation-updated = Délégation modifiée
audit-action-delegation-status-changed = Statut de la délégation modifié
audit-action-delegation-member-added = Membre ajouté
audit-action-delegation-member-removed = Membre retiré
audit-action-itinerary-item-added = Point du programme ajouté
audit-action-itinerary-item-removed = Point du programme retiré
audit-action-resource-added = Ressource ajoutée

delegations-more = Autres rubriques des délégations
statistics-title = Les délégations en chiffres
gifts-register-title = Registre des cadeaux
rules-title = Règles des missions à l’étranger
rules-hint = Une mission à l’étranger qui dépasse ces limites ne peut être approuvée par un responsable qu’avec une justification écrite.
rules-max-days = Nombre maximal de jours (premier et dernier compris)
rules-max-countries = Nombre maximal de pays visités
rules-max-members = Nombre maximal de membres
rule-breaches = Cette mission dépasse les règles du bureau ; un responsable ne l’approuve qu’avec une justification écrite :
rule-breach-days = { $planned } jours à l’étranger ; la règle en permet { $limit }.
rule-breach-countries = { $planned } pays ; la règle en permet { $limit }.
rule-breach-members = { $planned } membres ; la règle en permet { $limit }.

gifts-title = Cadeaux
gifts-none = Aucun cadeau enregistré.
gifts-add = Enregistrer un cadeau
gift-direction-given = Offert
gift-direction-received = Reçu
gift-field-direction = Offert ou reçu
gift-field-given-on = Date
gift-field-description = Cadeau
gift-field-value = Valeur estimée (CNY)
gift-field-giver = Offert par
gift-field-receiver = Reçu par
gift-field-disposition = Devenir du cadeau
gift-field-disposition-hint = Par exemple : remis à la collection du bureau, exposé dans le salon de réception.

outcomes-title = Résultats
outcomes-add = Enregistrer le résultat
outcome-kind-agreement = Accord signé
outcome-kind-lead = Piste d’investissement
outcome-kind-other = Autre résultat
outcome-field-kind = Type
outcome-field-description = Description
outcome-field-credit-code = Entreprise concernée (code de crédit)
outcome-field-credit-code-hint = Facultatif : le code unifié de crédit social d’une entreprise enregistrée.

statistics-incoming = { $delegations ->
    [0] Aucune délégation reçue
    [one] Une délégation reçue
   *[other] { $delegations } délégations reçues
}, { $people ->
    [0] aucun visiteur
    [one] un visiteur
   *[other] { $people } visiteurs
}
statistics-outgoing = { $delegations ->
    [0] Aucune mission à l’étranger
    [one] Une mission à l’étranger
   *[other] { $delegations } missions à l’étranger
}, { $people ->
    [0] aucun membre
    [one] un membre
   *[other] { $people } membres
}
statistics-hint = Les délégations annulées ne sont pas comptées. Une délégation compte pour le mois de son premier jour ; celle qui vient de plusieurs pays compte pour chacun d’eux.
statistics-by-month = Par mois
statistics-by-country = Par pays
statistics-month = Mois
statistics-delegations = Délégations
statistics-people = Personnes
statistics-month-name = { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
}

field-unknown-gift-direction = Choisissez offert ou reçu.
field-unknown-outcome-kind = Choisissez un type de résultat.
field-outcome-too-early = Les résultats s’enregistrent une fois la délégation en cours ou terminée.
field-mission-rules-breached = Cette mission dépasse les règles du bureau : rédigez la justification pour l’approuver.
field-limit-out-of-range = Saisissez un nombre entier supérieur à zéro (au plus 365 jours, 50 pays, 200 membres).
field-invalid-yuan-amount = Saisissez un montant en yuans, par exemple 1 200 ou 350,50.
audit-action-delegation-gift-registered = Cadeau enregistré
audit-action-delegation-outcome-recorded = Résultat enregistré
audit-action-mission-rules-changed = Règles des missions modifiées

agenda-title = Calendrier
agenda-view = Affichage
agenda-month = Mois
agenda-week = Semaine
agenda-date = Date
agenda-resource = Ressource
agenda-delegation = Délégation
agenda-previous = ← Précédent
agenda-next = Suivant →
agenda-month-of = { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
} { $year }

resource-field-email = Courriel (pour le programme)
resource-field-email-hint = Un officiel, un interprète ou le chauffeur d’un véhicule y reçoit sa partie du programme.
resource-field-language = Langue de lecture
resource-field-user = Compte du personnel
resource-field-user-hint = Facultatif : les réservations apparaissent alors dans le calendrier personnel de cette personne.
programme-send-title = Envoyer le programme
programme-send-hint = Chaque officiel, interprète et chauffeur doté d’une adresse de courriel reçoit les points auxquels il participe, dans sa langue, avec un fichier de calendrier.
programme-send = Envoyer le programme aux intéressés
programme-sent = { $count ->
    [0] Le programme n’a été envoyé à personne.
    [one] Le programme est en cours d’envoi à une personne.
   *[other] Le programme est en cours d’envoi à { $count } personnes.
}
field-programme-not-ready = Le programme s’envoie une fois la délégation approuvée, et jusqu’à ce qu’elle soit terminée.
field-nobody-to-send-to = Aucun officiel, interprète ou chauffeur réservé au programme n’a d’adresse de courriel.
feed-title = Mon calendrier
feed-hint = Une adresse privée à laquelle votre agenda (Outlook, Calendrier Apple, Google) s’abonne : elle affiche les points des délégations auxquels vous participez. Toute personne disposant de cette adresse peut consulter ce calendrier ; remplacez-la si elle a été divulguée.
feed-create = Créer mon adresse de calendrier
feed-replace = Remplacer mon adresse de calendrier
feed-end = Arrêter mon calendrier
feed-created = Votre adresse de calendrier, affichée une seule fois : copiez-la dans votre agenda. L’éventuelle adresse précédente ne fonctionne plus.
feed-name = Liaison : mon programme des délégations
mail-programme-subject = Programme : { $delegation }
mail-programme-intro = Vous participez aux points suivants du programme de la délégation « { $delegation } » (heure de Pékin) :
mail-programme-calendar = Le fichier de calendrier joint ajoute ces points à votre agenda.
audit-action-delegation-programme-sent = Programme envoyé

itinerary-edit = Modifier le point
itinerary-edit-cancel = Annuler
common-edit = Modifier
audit-action-itinerary-item-updated = Point du programme modifié

resource-retire = Retirer du service
audit-action-resource-retired = Ressource retirée

home-delegations-text = Délégations reçues et missions à l’étranger, leurs programmes, réservations et cadeaux.

outcome-became-project = devenue le projet
outcome-register-project = L’enregistrer comme projet d’investissement
outcome-open-lead = La suivre comme piste
