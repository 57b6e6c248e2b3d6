//! The year's gift register as CSV (server only), headers in the reader's language.

use super::GiftDirection;
use crate::domain::Locale;
use crate::error::AppError;
use crate::export::csv_bytes;
use crate::i18n::format_money;
use crate::state::ServerState;
use crate::translate::t;

pub async fn gifts_csv(
    state: &ServerState,
    user: &crate::auth::SessionUser,
    year: i32,
    locale: Locale,
) -> Result<Vec<u8>, AppError> {
    crate::auth::permit(user, crate::auth::Action::ReadDelegations)?;
    // A year's gifts are a few hundred rows: made whole, but one export at a time all the same.
    let lease = crate::export::Lease::take(state, user.id).await?;
    let gifts = crate::delegations::db::gifts_of_year(&state.db, year).await?;
    let headers = [
        "gift-field-given-on",
        "gift-field-direction",
        "gift-field-description",
        "gift-field-value",
        "gift-field-giver",
        "gift-field-receiver",
        "gift-field-disposition",
        "delegation-field-title",
    ]
    .map(|id| t(locale, id));
    let given = t(locale, "gift-direction-given");
    let received = t(locale, "gift-direction-received");
    let rows = gifts.into_iter().map(|g| {
        vec![
            g.given_on.to_string(),
            if g.direction == GiftDirection::Given { given.clone() } else { received.clone() },
            g.description,
            g.value_cny_cents.map(|v| format_money(v, "CNY", locale)).unwrap_or_default(),
            g.giver,
            g.receiver,
            g.disposition,
            g.delegation_title,
        ]
    });
    let file = csv_bytes(&headers, rows);
    lease.give_back().await;
    file
}
