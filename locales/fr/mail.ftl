# Courriels : chaque message dans la langue de son destinataire, et la boîte d’envoi que suivent les administrateurs.

mail-greeting = Bonjour { $name },
mail-greeting-anonymous = Bonjour,
mail-footer = Ce message vous est adressé par Liaison, le système de suivi des dossiers du Bureau des affaires étrangères et du Bureau de promotion des investissements. Nous vous remercions de ne pas y répondre ; pour toute question, adressez-vous à votre chargé de liaison.
mail-sender-name = Liaison
mail-no-due-date = pas de date fixée
mail-check-status = Vous pouvez suivre votre demande à tout moment sur { $url } avec son numéro de référence et votre code d’accès.

mail-opened-subject = Votre demande { $reference } a été enregistrée
mail-opened-intro = Votre demande « { $title } » a été enregistrée sous la référence { $reference }. Votre chargé de liaison vous remettra le code d’accès pour la suivre en ligne.
mail-opened-intro-portal = Votre demande « { $title } » a été enregistrée sous la référence { $reference }. Suivez-la en ligne avec ce numéro de référence et le code d’accès affiché lors du dépôt.
mail-opened-expected = Nous prévoyons de vous répondre d’ici le { $due }.

mail-update-subject = Nouvelles de votre demande { $reference }
mail-update-intro = Nous vous informons de l’avancement de votre demande { $reference } (« { $title } ») :
mail-update-other-language = Ce message n’existe pas en français ; le voici en { $language }.

mail-status-subject = Votre demande { $reference } : { $status }
mail-status-intro = Le statut de votre demande { $reference } (« { $title } ») est désormais : { $status }.
mail-status-expected = Nous prévoyons de vous répondre d’ici le { $due }.
mail-status-expected-none = La date de notre réponse n’est pas encore fixée ; votre chargé de liaison vous la communiquera.
mail-status-awaiting = Nous avons besoin d’informations de votre part pour continuer. Votre chargé de liaison précise ci-dessous ce qui manque ; le délai est suspendu jusqu’à votre réponse.
mail-status-resolved = Votre demande a été traitée. Si la réponse apportée ne vous donne pas satisfaction, nous vous invitons à contacter votre chargé de liaison.
mail-status-reason = Message de votre chargé de liaison :

mail-assigned-subject = Nouveau dossier { $reference } : { $title }
mail-assigned-body = Le dossier { $reference } (« { $title } », { $type }) de { $enterprise } vous a été attribué. Échéance : { $due }.
mail-assigned-body-no-due = Le dossier { $reference } (« { $title } », { $type }) de { $enterprise } vous a été attribué. Aucune échéance n’est encore fixée.
mail-open-case = Ouvrir le dossier

mail-task-subject = Nouvelle tâche pour { $department } : dossier { $reference }
mail-task-body = Le dossier { $reference } (« { $title } ») de { $enterprise } a été transmis à { $department }. Échéance de la tâche : { $due }.
mail-task-body-no-due = Le dossier { $reference } (« { $title } ») de { $enterprise } a été transmis à { $department }. Aucune échéance n’est encore fixée pour la tâche.
mail-task-instructions = Instructions du chargé de liaison :
mail-open-tasks = Ouvrir les tâches de votre service

outbox-title = Boîte d’envoi
outbox-hint = Tous les courriels de Liaison passent par cette boîte d’envoi. Les envois échoués sont retentés automatiquement à intervalles croissants ; un message impossible à remettre est abandonné et peut être renvoyé d’ici.
outbox-state = État
outbox-state-all = Tous
outbox-state-pending = En attente
outbox-state-failed = Échec, nouvel essai prévu
outbox-state-sent = Envoyé
outbox-state-dead = Abandonné
outbox-recipient = Destinataire
outbox-subject = Objet
outbox-attempts = Essais
outbox-created = Mis en file
outbox-next-attempt = Prochain essai
outbox-last-error = Dernière erreur
outbox-case = Dossier
outbox-retry = Renvoyer
outbox-empty = Aucun message.
outbox-count = { $count ->
    [0] Aucun message
    [one] Un message
   *[other] { $count } messages
}
outbox-filter = Afficher

mail-kind-case-opened = Demande enregistrée
mail-kind-public-update = Information publique
mail-kind-status-changed = Changement de statut
mail-kind-case-assigned = Dossier attribué
mail-kind-task-assigned = Tâche attribuée
case-messages = Courriels envoyés
case-messages-none = Aucun courriel pour ce dossier pour l’instant.

mail-at-risk-subject = Échéance proche : dossier { $reference }
mail-at-risk-body = Le dossier { $reference } (« { $title } ») de { $enterprise } arrive à échéance le { $due }.
mail-overdue-subject = En retard : dossier { $reference }
mail-overdue-body = Le dossier { $reference } (« { $title } ») de { $enterprise } devait être traité le { $due } et n’est pas terminé.
mail-task-overdue-subject = Tâche en retard pour { $department } : dossier { $reference }
mail-task-overdue-body = La tâche de { $department } sur le dossier { $reference } (« { $title } ») devait être faite le { $due } et ne l’est pas.

mail-digest-subject = Vos dossiers du { $date } : { $overdue } en retard, { $at_risk } à échéance proche
mail-digest-summary = { $open ->
    [0] Vous n’avez aucun dossier ouvert
    [one] Vous avez un dossier ouvert
   *[other] Vous avez { $open } dossiers ouverts
} : { $overdue } en retard et { $at_risk } à traiter aujourd’hui ou le prochain jour ouvré.
mail-digest-overdue = En retard :
mail-digest-at-risk = À traiter aujourd’hui ou le prochain jour ouvré :
mail-digest-on-track = Dans les délais :
mail-digest-paused = En attente du demandeur (délai suspendu) :
mail-digest-no-date = Sans échéance :
mail-digest-open = Ouvrir mes dossiers
mail-digest-switch-off = Vous recevez ce résumé chaque jour ouvré. Vous pouvez le désactiver sur la page de votre compte.
mail-kind-case-at-risk = Échéance proche
mail-kind-case-overdue = Dossier en retard
mail-kind-task-overdue = Tâche en retard
mail-kind-digest = Résumé quotidien

mail-replied-subject = Le demandeur a répondu sur { $reference }
mail-replied-body = Le demandeur du dossier { $reference } (« { $title } ») a répondu à votre demande de compléments. Le dossier est de nouveau en cours de traitement chez vous.
mail-interest-subject = Votre intérêt pour « { $title } »
mail-interest-intro = Merci de l’intérêt que vous portez au projet « { $title } ». Votre message est parvenu au chargé de liaison qui le suit.
mail-interest-officer = { $officer } vous écrira prochainement pour répondre à vos questions et convenir des prochaines étapes.
mail-interest-open = Relire le projet
mail-portal-lead-subject = Une nouvelle piste venue du portail : { $company }
mail-portal-lead-intro = { $company } a manifesté son intérêt pour « { $title } » sur le portail. Cette piste est la vôtre : répondez sous deux jours ouvrés.
mail-portal-lead-open = Ouvrir la piste
mail-kind-interest-received = Intérêt accusé
mail-kind-portal-lead = Piste venue du portail
