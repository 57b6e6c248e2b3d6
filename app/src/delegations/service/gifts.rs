//! The gift register: a gift given to or received from a delegation.

use crate::auth::{Action, Ctx};
use crate::db::{self, audit};
use crate::delegations::db::{self as data, NewGift};
use crate::delegations::{GiftDirection, GiftForm};
use crate::error::{AppError, FieldCode, FieldError, Validator};

/// Register a gift given to or received from the delegation.
pub async fn add_gift(cx: &Ctx, id: i64, f: &GiftForm) -> Result<i64, AppError> {
    cx.permit(Action::PlanDelegations)?;
    let mut v = Validator::default();
    let direction = GiftDirection::parse(&f.gift_direction);
    if direction.is_none() {
        v.push(FieldError::new("gift_direction", FieldCode::UnknownGiftDirection));
    }
    let given_on = v.day("given_on", &f.given_on);
    let description = v.text("gift_description", &f.gift_description, true, 500);
    // Amounts follow the same rules as capital amounts: 1,234.50 or 1 234,50.
    let value = match crate::enterprises::service::parse_cents(&f.value_cny) {
        Ok(v) => v,
        Err(crate::enterprises::service::NotAnAmount) => {
            v.push(FieldError::new("value_cny", FieldCode::InvalidYuanAmount));
            None
        }
    };
    let giver = v.text("giver", &f.giver, false, 200);
    let receiver = v.text("receiver", &f.receiver, false, 200);
    let disposition = v.text("disposition", &f.disposition, false, 500);
    v.finish()?;
    let (Some(direction), Some(given_on)) = (direction, given_on) else { return Err(AppError::Internal) };
    let mut tx = cx.state.db.begin().await?;
    data::get_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
    let gift = NewGift {
        delegation_id: id,
        direction,
        given_on,
        description: &description,
        value_cny_cents: value,
        giver: &giver,
        receiver: &receiver,
        disposition: &disposition,
        created_by: cx.user.id,
    };
    let now = db::now();
    let gift_id = data::insert_gift(&mut tx, &gift, now).await?;
    data::touch(&mut tx, id, now).await?;
    let changes = audit::Changes::new()
        .fact("gift_id", gift_id)
        .fact("direction", direction.as_str())
        .fact("description", &description)
        .fact("value_cny_cents", value);
    audit::record(&mut tx, cx.entry("delegation_gift_registered", "delegation", id, changes)).await?;
    tx.commit().await?;
    Ok(gift_id)
}
