//! The industry chains (产业链) and their sub-chains (子链: the city has 22 under its "5+3"
//! clusters), reference data the admins keep in the three languages (`/projects/chains`). A
//! project names its chain and, within it, its sub-chain; the enterprise register names the
//! chain.

use super::names::NamesForm;
use crate::domain::Locale;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use crate::enterprises::IndustryChain;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubChain {
    pub id: i64,
    pub chain_id: i64,
    pub name_zh: String,
    pub name_en: String,
    pub name_fr: String,
    pub sort_order: i64,
}

impl SubChain {
    pub fn name(&self, locale: Locale) -> &str {
        match locale {
            Locale::ZhCn => &self.name_zh,
            Locale::En => &self.name_en,
            Locale::Fr => &self.name_fr,
        }
    }
}

/// A sub-chain's name among `subs`, in the reader's language (empty when there is none).
pub fn sub_chain_name(subs: &[SubChain], id: Option<i64>, locale: Locale) -> String {
    id.and_then(|id| subs.iter().find(|s| s.id == id)).map(|s| s.name(locale).to_string()).unwrap_or_default()
}

/// Every sub-chain, in each chain's order.
#[server(endpoint = "sub_chains")]
pub async fn list_sub_chains() -> Result<Vec<SubChain>, AppError> {
    let cx = crate::auth::Ctx::signed_in()?;
    // Reference data, read on the register's pages: kept a few seconds (see `Reference`).
    let subs = cx.state.reference.get_or_load("sub_chains", || data::all(&cx.state.db));
    Ok(subs.await?.to_vec())
}

/// Add an industry chain; the list follows.
#[server(endpoint = "add_chain")]
pub async fn add_chain(#[server(flatten)] form: NamesForm) -> Result<i64, AppError> {
    let cx = crate::auth::Ctx::require(crate::auth::Action::ManageReference)?;
    let id = service::save_chain(&cx, None, &form).await?;
    crate::auth::api::back_to_page("/projects/chains");
    Ok(id)
}

/// Rename an industry chain, or move it in the list.
#[server(endpoint = "rename_chain")]
pub async fn rename_chain(id: i64, #[server(flatten)] form: NamesForm) -> Result<i64, AppError> {
    let cx = crate::auth::Ctx::require(crate::auth::Action::ManageReference)?;
    let id = service::save_chain(&cx, Some(id), &form).await?;
    crate::auth::api::back_to_page("/projects/chains");
    Ok(id)
}

/// Add a sub-chain to the chain `chain_id`.
#[server(endpoint = "add_sub_chain")]
pub async fn add_sub_chain(chain_id: i64, #[server(flatten)] form: NamesForm) -> Result<i64, AppError> {
    let cx = crate::auth::Ctx::require(crate::auth::Action::ManageReference)?;
    let id = service::save_sub_chain(&cx, Some(chain_id), None, &form).await?;
    crate::auth::api::back_to_page("/projects/chains");
    Ok(id)
}

/// Rename a sub-chain (it stays in its chain), or move it in the list.
#[server(endpoint = "rename_sub_chain")]
pub async fn rename_sub_chain(id: i64, #[server(flatten)] form: NamesForm) -> Result<i64, AppError> {
    let cx = crate::auth::Ctx::require(crate::auth::Action::ManageReference)?;
    let id = service::save_sub_chain(&cx, None, Some(id), &form).await?;
    crate::auth::api::back_to_page("/projects/chains");
    Ok(id)
}

#[cfg(feature = "ssr")]
mod service {
    use super::{data, NamesForm};
    use crate::auth::{Action, Ctx};
    use crate::db::Arg;
    use crate::error::{AppError, FieldCode};
    use crate::projects::names::write::{self, Table};

    const CHAINS: Table =
        Table { name: "industry_chains", entity: "industry_chain", within: None, action: Action::ManageReference };

    pub async fn save_chain(cx: &Ctx, id: Option<i64>, f: &NamesForm) -> Result<i64, AppError> {
        // A new chain's code (which nothing shows) only has to be its own.
        let code = format!("chain-{:016x}", rand::random::<u64>());
        let extra = if id.is_none() { vec![("code", Arg::Text(code))] } else { Vec::new() };
        write::save(cx, &CHAINS, id, f, extra).await
    }

    /// Add a sub-chain to `chain` (`id` None) or rename the sub-chain `id` within its chain.
    pub async fn save_sub_chain(cx: &Ctx, chain: Option<i64>, id: Option<i64>, f: &NamesForm) -> Result<i64, AppError> {
        let chain = match (chain, id) {
            (Some(chain), _) => {
                if !crate::enterprises::db::industry_chain_exists(&cx.state.db, chain).await? {
                    return Err(AppError::field("chain_id", FieldCode::UnknownIndustryChain));
                }
                chain
            }
            (None, Some(id)) => data::chain_of(&cx.state.db, id).await?.ok_or(AppError::NotFound)?,
            (None, None) => return Err(AppError::NotFound),
        };
        let table = Table {
            name: "industry_sub_chains",
            entity: "industry_sub_chain",
            within: Some(("chain_id", chain)),
            action: Action::ManageReference,
        };
        let extra = if id.is_none() { vec![("chain_id", Arg::Int(chain))] } else { Vec::new() };
        write::save(cx, &table, id, f, extra).await
    }
}

#[cfg(feature = "ssr")]
pub mod data {
    use super::SubChain;
    use crate::db::{Columns, Db, Record};

    impl Record for SubChain {
        fn read(row: &Columns<'_>) -> Result<Self, sqlx::Error> {
            Ok(SubChain {
                id: row.get("id")?,
                chain_id: row.get("chain_id")?,
                name_zh: row.get("name_zh")?,
                name_en: row.get("name_en")?,
                name_fr: row.get("name_fr")?,
                sort_order: row.get("sort_order")?,
            })
        }
    }

    pub async fn all(db: &Db) -> Result<Vec<SubChain>, sqlx::Error> {
        db.all(
            "select id, chain_id, name_zh, name_en, name_fr, sort_order from industry_sub_chains \
             order by chain_id, sort_order, id",
            &[],
        )
        .await
    }

    /// The chain of the sub-chain `id`, if there is one.
    pub async fn chain_of(db: &Db, id: i64) -> Result<Option<i64>, sqlx::Error> {
        db.optional("select chain_id from industry_sub_chains where id = $1", &[id.into()]).await
    }
}
