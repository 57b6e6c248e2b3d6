//! The chain maps' rules (server only): a segment is named like the other reference rows
//! (three languages, one Chinese name per sub-chain, renamed never deleted); an enterprise
//! of the register is shown in a segment by its credit code; each change audited.

use super::db as data;
use super::{ChainMap, Link, MapCount, MappedSegment, Present};
use crate::auth::{allows, Action, Ctx, SessionUser};
use crate::db::{audit, Arg};
use crate::domain::CreditCode;
use crate::error::{AppError, FieldCode, FieldError, Validator};
use crate::projects::chains::SubChain;
use crate::projects::names::write::{self, Table};
use crate::projects::names::NamesForm;
use crate::state::ServerState;
use std::sync::Arc;

async fn sub_chains(state: &ServerState) -> Result<Arc<Vec<SubChain>>, AppError> {
    let db = &state.db;
    Ok(state.reference.get_or_load("sub_chains", || crate::projects::chains::data::all(db)).await?)
}

/// Every mapped sub-chain's segments and gaps.
pub async fn counts(state: &ServerState) -> Result<Vec<MapCount>, AppError> {
    Ok(data::counts(&state.db).await?)
}

/// The map of the sub-chain `id`: its segments, upstream first, with the enterprises present.
pub async fn map(state: &ServerState, user: &SessionUser, id: i64) -> Result<ChainMap, AppError> {
    let sub_chain = sub_chains(state).await?.iter().find(|s| s.id == id).cloned().ok_or(AppError::NotFound)?;
    let db = &state.db;
    let chains = state.reference.get_or_load("industry_chains", || crate::enterprises::db::industry_chains(db)).await?;
    let chain = chains.iter().find(|c| c.id == sub_chain.chain_id).cloned().ok_or(AppError::NotFound)?;
    let segments = data::segments(db, id).await?;
    let pairs = data::present(db, id).await?;
    let mut ids: Vec<i64> = pairs.iter().map(|(_, e)| *e).collect();
    ids.sort_unstable();
    ids.dedup();
    // Who may not read the register (county officers) sees how many, not which.
    let named = allows(user.role, Action::ReadEnterprises);
    let names = if named { crate::enterprises::db::names(db, &ids).await? } else { Vec::new() };
    let targets = crate::promotion::target_firms::db::per_segment(db, id).await?;
    let promoted = crate::promotion::promoted::db::per_segment(db, id).await?;
    let segments = segments
        .into_iter()
        .map(|segment| {
            let present = pairs
                .iter()
                .filter(|(s, _)| *s == segment.id)
                .filter_map(|(_, e)| match names.iter().find(|(id, _, _)| id == e) {
                    Some((id, zh, original)) => {
                        Some(Present { enterprise_id: *id, name_zh: zh.clone(), name_original: original.clone() })
                    }
                    None if !named => {
                        Some(Present { enterprise_id: 0, name_zh: String::new(), name_original: String::new() })
                    }
                    None => None,
                })
                .collect();
            let targets = targets.iter().find(|(s, _)| *s == segment.id).map_or(0, |(_, n)| *n);
            let promoted = promoted.iter().find(|(s, _)| *s == segment.id).map_or(0, |(_, n)| *n);
            MappedSegment { segment, present, targets, promoted }
        })
        .collect();
    Ok(ChainMap { sub_chain, chain, segments, editable: allows(user.role, Action::WorkPromotion) })
}

fn segments_of(sub_chain_id: i64) -> Table {
    Table {
        name: "chain_segments",
        entity: "chain_segment",
        within: Some(("sub_chain_id", sub_chain_id)),
        action: Action::WorkPromotion,
    }
}

/// Add a segment at `link` to the sub-chain `sub_chain_id`.
pub async fn add_segment(cx: &Ctx, sub_chain_id: i64, link: &str, f: &NamesForm) -> Result<i64, AppError> {
    cx.permit(Action::WorkPromotion)?;
    if !sub_chains(&cx.state).await?.iter().any(|s| s.id == sub_chain_id) {
        return Err(AppError::field("sub_chain_id", FieldCode::UnknownSubChain));
    }
    let Some(link) = Link::parse(link) else {
        return Err(AppError::field("link", FieldCode::UnknownLink));
    };
    let extra = vec![("sub_chain_id", Arg::Int(sub_chain_id)), ("link", Arg::Text(link.as_str().into()))];
    write::save(cx, &segments_of(sub_chain_id), None, f, extra).await
}

/// Rename a segment (it stays in its sub-chain and link), or move it in its list.
pub async fn rename_segment(cx: &Ctx, id: i64, f: &NamesForm) -> Result<i64, AppError> {
    cx.permit(Action::WorkPromotion)?;
    let segment = data::segment(&cx.state.db, id).await?.ok_or(AppError::NotFound)?;
    write::save(cx, &segments_of(segment.sub_chain_id), Some(id), f, Vec::new()).await
}

/// Show the enterprise with the credit code `credit_code` in the segment `segment_id`.
pub async fn add_enterprise(cx: &Ctx, segment_id: i64, credit_code: &str) -> Result<(), AppError> {
    cx.permit(Action::WorkPromotion)?;
    let mut v = Validator::default();
    let code = v.check(CreditCode::parse("credit_code", credit_code));
    v.finish()?;
    let Some(code) = code else { return Err(AppError::Internal) };
    let enterprise = crate::enterprises::db::id_by_credit_code(&cx.state.db, code.as_str())
        .await?
        .ok_or_else(|| AppError::field("credit_code", FieldCode::EnterpriseNotFound))?;
    let mut tx = cx.state.db.begin().await?;
    data::segment_in(&mut tx, segment_id).await?.ok_or(AppError::NotFound)?;
    if !data::add_present(&mut tx, segment_id, enterprise, cx.user.id, crate::db::now()).await? {
        return Err(AppError::Invalid(vec![FieldError::new("credit_code", FieldCode::AlreadyInSegment)]));
    }
    let changes = audit::Changes::new().set("segment_id", segment_id).set("enterprise_id", enterprise);
    audit::record(&mut tx, cx.entry("segment_enterprise_added", "chain_segment", segment_id, changes)).await?;
    tx.commit().await?;
    Ok(())
}

/// Take the enterprise `enterprise_id` out of the segment `segment_id`.
pub async fn remove_enterprise(cx: &Ctx, segment_id: i64, enterprise_id: i64) -> Result<(), AppError> {
    cx.permit(Action::WorkPromotion)?;
    let mut tx = cx.state.db.begin().await?;
    if !data::remove_present(&mut tx, segment_id, enterprise_id).await? {
        return Err(AppError::NotFound);
    }
    let changes = audit::Changes::new().set("enterprise_id", enterprise_id);
    audit::record(&mut tx, cx.entry("segment_enterprise_removed", "chain_segment", segment_id, changes)).await?;
    tx.commit().await?;
    Ok(())
}
