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
delegation-confirmed-over-clashes = Confirmé malgré des doubles réservations :
delegation-clashes = { $count ->
    [one] Une ressource est réservée deux fois
   *[other] { $count } doubles réservations de ressources
}
delegation-language-gaps = Aucun interprète n’est réservé pour une langue parlée par les membres :
delegation-language-gap = { $language } — { $item }

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
itinerary-clash-refused = Rien n’a été enregistré : ces ressources sont déjà réservées à ce moment-là. Choisissez-en d’autres, changez l’horaire ou réservez quand même.
itinerary-book-anyway = J’ai vu les doubles réservations ; réserver quand même
itinerary-booked-over-clashes = { $count ->
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
resource-field-languages-hint = Interprètes : les langues qu’ils traduisent depuis et vers le chinois.
resource-field-details = Précisions
resource-kind-venue = Lieu
resource-kind-vehicle = Véhicule
resource-kind-interpreter = Interprète
resource-kind-official = Officiel

programme-title = Programme
programme-dates = du { $from } au { $to }
programme-time = Horaire
programme-column = Programme
programme-venue = Lieu :
programme-hosts = Hôtes :
programme-interpreters = Interprètes :
programme-participants = Participants :
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
field-delegation-closed = Cette délégation est terminée ou annulée ; son programme ne peut plus changer.
field-clashes-need-override = Des ressources sont réservées deux fois : indiquez le motif pour confirmer quand même, ou résolvez d’abord les conflits.

audit-action-personal-data-viewed = Données personnelles consultées
audit-action-delegation-created = Délégation enregistrée
audit-action-delegation-updated = Délégation modifiée
audit-action-delegation-status-changed = Statut de la délégation modifié
audit-action-delegation-member-added = Membre ajouté
audit-action-delegation-member-removed = Membre retiré
audit-action-itinerary-item-added = Point du programme ajouté
audit-action-itinerary-item-removed = Point du programme retiré
audit-action-resource-added = Ressource ajoutée
