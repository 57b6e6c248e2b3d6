//! Reference data the admins keep, each row named in the three languages with a place in its
//! list: the counties, the industry chains and their sub-chains. The form, its checks and the
//! write are the same for each; a row is renamed, never deleted, so that the projects and
//! figures that name it keep their place.

use serde::{Deserialize, Serialize};

/// A row's names and place as a browser sends them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NamesForm {
    pub name_zh: String,
    pub name_en: String,
    pub name_fr: String,
    #[serde(default)]
    pub sort_order: String,
}

#[cfg(feature = "ssr")]
pub(crate) mod write {
    use super::NamesForm;
    use crate::auth::{Action, Ctx};
    use crate::db::{audit, Arg};
    use crate::error::{AppError, FieldCode, FieldError, Validator};

    /// Where the rows are kept.
    pub struct Table {
        pub name: &'static str,
        /// The audit log's word for a row ("county": `county_added`, `county_renamed`).
        pub entity: &'static str,
        /// The column whose rows a Chinese name must be unique among (a sub-chain's chain),
        /// with this row's value; the whole table when None.
        pub within: Option<(&'static str, i64)>,
        /// Who may add and rename its rows.
        pub action: Action,
    }

    /// Add a row (`id` None, with the `extra` columns) or rename one; a Chinese name another
    /// row has (within `table.within`) is refused.
    pub async fn save(
        cx: &Ctx,
        table: &Table,
        id: Option<i64>,
        f: &NamesForm,
        extra: Vec<(&'static str, Arg)>,
    ) -> Result<i64, AppError> {
        cx.permit(table.action)?;
        let mut v = Validator::default();
        let name_zh = v.text("name_zh", &f.name_zh, true, 50);
        let name_en = v.text("name_en", &f.name_en, true, 100);
        let name_fr = v.text("name_fr", &f.name_fr, true, 100);
        // No place given: a new row goes last, a renamed one stays where it is.
        let sort_order = match f.sort_order.trim() {
            "" => None,
            raw => raw.parse::<i64>().ok().filter(|n| (0..=100_000).contains(n)).or_else(|| {
                v.push(FieldError::new("sort_order", FieldCode::InvalidNumber));
                None
            }),
        };
        v.finish()?;
        let mut tx = cx.state.db.begin().await?;
        let (scope, mut args) = match table.within {
            Some((column, value)) => (format!(" and {column} = $2"), vec![name_zh.as_str().into(), Arg::Int(value)]),
            None => (String::new(), vec![name_zh.as_str().into()]),
        };
        let sql = format!("select id from {} where name_zh = $1{scope}", table.name);
        let other: Option<i64> = tx.optional(&sql, &args).await?;
        if other.is_some_and(|other| Some(other) != id) {
            return Err(AppError::field("name_zh", FieldCode::NameTaken));
        }
        // Two admins saving one name at once: the second meets the unique index.
        let taken = |e: sqlx::Error| {
            if crate::db::is_unique_violation(&e) {
                AppError::field("name_zh", FieldCode::NameTaken)
            } else {
                e.into()
            }
        };
        let (id, done, sort_order) = match id {
            None => {
                let place = match sort_order {
                    Some(n) => n,
                    None => {
                        let sql =
                            format!("select cast(coalesce(max(sort_order), 0) + 10 as bigint) from {}", table.name);
                        tx.one(&sql, &[]).await?
                    }
                };
                let names = [name_zh.as_str(), name_en.as_str(), name_fr.as_str()];
                (insert(&mut tx, table.name, names, place, extra).await.map_err(taken)?, "added", Some(place))
            }
            Some(id) => {
                args =
                    vec![name_zh.as_str().into(), name_en.as_str().into(), name_fr.as_str().into(), sort_order.into()];
                let sql = format!(
                    "update {} set name_zh = $1, name_en = $2, name_fr = $3, sort_order = coalesce($4, sort_order) \
                     where id = $5{} returning id",
                    table.name,
                    table.within.map(|(column, _)| format!(" and {column} = $6")).unwrap_or_default()
                );
                args.push(id.into());
                args.extend(table.within.map(|(_, value)| Arg::Int(value)));
                let done: Option<i64> = tx.optional(&sql, &args).await.map_err(taken)?;
                (done.ok_or(AppError::NotFound)?, "renamed", sort_order)
            }
        };
        let changes = audit::Changes::new()
            .set("name_zh", &name_zh)
            .set("name_en", &name_en)
            .set("name_fr", &name_fr)
            .set("sort_order", sort_order);
        let action = format!("{}_{done}", table.entity);
        audit::record(&mut tx, cx.entry(&action, table.entity, id, changes)).await?;
        tx.commit().await?;
        cx.state.reference.clear();
        Ok(id)
    }

    /// Add a row with its names (Chinese, English, French), place and `extra` columns, in the
    /// caller's transaction; its id.
    pub async fn insert(
        tx: &mut crate::db::Tx,
        table: &str,
        names: [&str; 3],
        place: i64,
        extra: Vec<(&'static str, Arg)>,
    ) -> Result<i64, sqlx::Error> {
        let mut args: Vec<Arg> = names.iter().map(|n| Arg::from(*n)).collect();
        args.push(place.into());
        args.push(crate::db::now().into());
        let mut columns = String::from("name_zh, name_en, name_fr, sort_order, created_at");
        for (column, value) in extra {
            columns.push_str(", ");
            columns.push_str(column);
            args.push(value);
        }
        let sql = format!("insert into {table} ({columns}) values ({}) returning id", crate::db::marks(1, args.len()));
        tx.one(&sql, &args).await
    }
}
